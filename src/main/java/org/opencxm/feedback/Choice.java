package org.opencxm.feedback;

/** One option of a choice question; the id is what answers store, so labels can change. */
public record Choice(String id, LocalizedText label) {}
