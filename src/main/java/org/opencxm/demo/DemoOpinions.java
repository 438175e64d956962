package org.opencxm.demo;

import java.util.Random;

/**
 * What demo customers say in the shop's own surveys, as the properties of a {@code Survey
 * Responded} event: an exit survey after a left checkout and a rating after delivery. They give
 * the pain-point map negative feedback to find, with the words behind it.
 */
final class DemoOpinions {

    private final Random random;

    DemoOpinions(Random random) {
        this.random = random;
    }

    /** The exit survey after a left checkout: how easy it was (CES 1–3 of 7: it was not) and why. */
    String checkoutLeft() {
        return "{\"survey\": \"Kaufabbruch\", \"ces\": " + (1 + random.nextInt(3)) + ", \"comment\": \""
                + pick(DemoVocabulary.CHECKOUT_TROUBLE) + "\"}";
    }

    /** The rating after delivery, 1–5 stars (low after a return or a complaint), with words for the clear ones. */
    String afterDelivery(boolean trouble) {
        int stars = trouble ? 1 + random.nextInt(3) : 3 + random.nextInt(3);
        var words =
                stars <= 2 ? pick(DemoVocabulary.LOW_REVIEWS) : stars == 5 ? pick(DemoVocabulary.HIGH_REVIEWS) : null;
        return "{\"survey\": \"Bewertung nach Lieferung\", \"stars\": " + stars
                + (words == null ? "" : ", \"comment\": \"" + words + "\"") + "}";
    }

    private String pick(String[] words) {
        return words[random.nextInt(words.length)];
    }
}
