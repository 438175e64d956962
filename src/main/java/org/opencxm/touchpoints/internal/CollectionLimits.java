package org.opencxm.touchpoints.internal;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The limits of the Segment API (32 KB per event, 500 KB per request), and a JSON parser that
 * refuses hostile shapes (deep nesting, huge numbers) before they cost memory or time.
 */
public final class CollectionLimits {

    public static final int MAX_REQUEST_BYTES = 500 * 1024;
    static final int MAX_NESTING_DEPTH = 32;

    static final JsonMapper PARSER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxDocumentLength(MAX_REQUEST_BYTES)
                            .maxNumberLength(100)
                            .maxNameLength(1000)
                            .build())
                    .build())
            .build();

    private CollectionLimits() {}
}
