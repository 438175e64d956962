package org.opencxm.feedback.internal;

/** A logo as stored: its bytes and media type. */
public record Logo(byte[] bytes, String type) {}
