package org.opencxm.touchpoints.internal;

/** Why a row of a CSV file was skipped: its number (the header is row 1), the column, the reason. */
public record ImportRowError(long row, String column, String reason) {}
