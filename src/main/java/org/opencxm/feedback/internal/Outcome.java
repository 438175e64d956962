package org.opencxm.feedback.internal;

import java.util.Map;
import org.opencxm.feedback.Answer;

/** What became of a submitted page. */
public sealed interface Outcome {

    /** Not saved: per question, the message key of what is wrong; the answers to show again. */
    record Invalid(int page, Map<String, String> errors, Map<String, Answer> answers) implements Outcome {}

    /** Saved; the respondent continues on this page. */
    record Next(int page) implements Outcome {}

    /** Saved and complete (also the answer to a repeated submit of a completed response). */
    record Done() implements Outcome {}

    /** The survey takes no answers through this entry (closed, expired, used). */
    record Refused(Entry.Access access) implements Outcome {}
}
