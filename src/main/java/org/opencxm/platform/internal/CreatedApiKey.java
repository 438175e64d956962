package org.opencxm.platform.internal;

import org.opencxm.platform.ApiKey;

/** A new key with its secret token, which is not stored and cannot be shown again. */
public record CreatedApiKey(ApiKey key, String token) {}
