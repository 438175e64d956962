package org.opencxm.touchpoints.internal;

import org.jspecify.annotations.Nullable;
import org.opencxm.platform.ApiKeyId;
import org.opencxm.touchpoints.internal.CollectionCache.WriteKey;

/**
 * Who handed over a batch of messages, and so whether what they say about identity counts.
 * A public write key sits in web pages where anyone can copy it: its messages record behaviour
 * and traits, but cannot set e-mail, phone or consent. Server-side keys, and OpenCXM itself
 * (imports, survey responses, the demo), may.
 *
 * @param writeKey the key the messages came with; {@code null} when OpenCXM recorded them
 */
public record Sender(@Nullable ApiKeyId writeKey, boolean trusted) {

    /** OpenCXM itself, or staff through it. */
    public static final Sender OPENCXM = new Sender(null, true);

    static Sender of(WriteKey key) {
        return new Sender(key.id(), key.serverSide());
    }
}
