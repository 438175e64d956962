package org.opencxm.feedback.internal;

/** One option of a choice question; the id is what answers store, so labels can change. */
public record Choice(String id, LocalizedText label) {}
