package org.opencxm.feedback;

/** The kinds of question a survey can ask; scales carry their range. */
public enum QuestionType {
    /** How likely are you to recommend us? 0–10. */
    NPS(0, 10),
    /** How satisfied are you? 1–5, top-2-box. */
    CSAT(1, 5),
    /** "It was easy to …", 1–7. */
    CES(1, 7),
    STARS(1, 5),
    SINGLE_CHOICE(0, 0),
    MULTIPLE_CHOICE(0, 0),
    FREE_TEXT(0, 0),
    /** How important is it to you, and how well did we do? Both 1–5; the gap is the finding. */
    EXPECTATION_GAP(1, 5);

    private final int min;
    private final int max;

    QuestionType(int min, int max) {
        this.min = min;
        this.max = max;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public boolean scale() {
        return max > 0;
    }

    public boolean choice() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }

    public String messageKey() {
        return "question.type." + name();
    }
}
