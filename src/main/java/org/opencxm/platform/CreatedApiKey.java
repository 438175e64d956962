package org.opencxm.platform;

/** A new key with its secret token, which is not stored and cannot be shown again. */
public record CreatedApiKey(ApiKey key, String token) {}
