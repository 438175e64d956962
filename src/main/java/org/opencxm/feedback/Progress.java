package org.opencxm.feedback;

import java.util.Map;

/**
 * How far a respondent got.
 *
 * @param page the page to show next (0-based)
 */
public record Progress(ResponseId responseId, int page, boolean completed, Map<String, Answer> answers) {}
