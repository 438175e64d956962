package org.opencxm.platform.common;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochRandomGenerator;
import java.util.UUID;

/**
 * Time-ordered UUIDs (version 7): they index like sequences, yet the random tail keeps them
 * unguessable where they appear in URLs.
 */
public final class Ids {

    private static final TimeBasedEpochRandomGenerator GENERATOR = Generators.timeBasedEpochRandomGenerator();

    private Ids() {}

    public static UUID next() {
        return GENERATOR.generate();
    }
}
