package org.opencxm.touchpoints.internal;

import java.util.List;
import java.util.Map;

/**
 * The first rows of an uploaded file, for choosing the mapping.
 *
 * @param suggested the column proposed for each field, found by name
 */
public record ImportPreview(
        ImportJob job, List<String> headers, List<List<String>> rows, Map<String, String> suggested) {}
