package org.opencxm.feedback.internal;

import java.util.Map;
import org.opencxm.feedback.Answer;
import org.opencxm.feedback.ResponseId;

/**
 * How far a respondent got.
 *
 * @param page the page to show next (0-based)
 */
public record Progress(ResponseId responseId, int page, boolean completed, Map<String, Answer> answers) {}
