package org.opencxm.demo;

/** The words demo customers are made of: German-speaking names, cities, pages, complaint topics. */
final class DemoVocabulary {

    static final String[] FIRST = {
        "Anna",
        "Lukas",
        "Lea",
        "Finn",
        "Marie",
        "Jonas",
        "Sophie",
        "Elias",
        "Emma",
        "Paul",
        "Mia",
        "Felix",
        "Hannah",
        "Leon",
        "Laura",
        "Maximilian",
        "Julia",
        "Tobias",
        "Sarah",
        "David",
        "Katharina",
        "Florian",
        "Johanna",
        "Stefan"
    };
    static final String[] LAST = {
        "Müller",
        "Schmidt",
        "Schneider",
        "Fischer",
        "Weber",
        "Meyer",
        "Wagner",
        "Becker",
        "Hofmann",
        "Schulz",
        "Koch",
        "Richter",
        "Klein",
        "Wolf",
        "Neumann",
        "Schwarz",
        "Zimmermann",
        "Braun",
        "Huber",
        "Gruber",
        "Keller"
    };
    static final String[] CITIES = {"Berlin", "Hamburg", "München", "Köln", "Wien", "Graz", "Zürich", "Leipzig"};
    static final String[] PAGES = {"Home", "Produkte", "Preise", "Über uns", "Ratgeber", "Kontakt"};
    static final String[] COMPLAINTS = {"delivery", "product", "billing", "service"};
    /** What a complaint of each of the categories above says, in the same order. */
    static final String[] COMPLAINT_TEXTS = {
        "Das Paket kam eine Woche zu spät.",
        "Der Artikel war beschädigt.",
        "Die Rechnung wurde doppelt abgebucht.",
        "Bei der Hotline erreicht man niemanden."
    };

    static final String[] LOW_REVIEWS = {
        "Lieferung viel zu spät.",
        "Qualität enttäuschend.",
        "Die Rücksendung war umständlich.",
        "Service hat nicht geholfen."
    };
    static final String[] HIGH_REVIEWS = {
        "Schnell geliefert, gerne wieder.", "Top Qualität.", "Sehr freundlicher Service."
    };
    static final String[] CHECKOUT_TROUBLE = {
        "Versandkosten zu hoch.",
        "Die Zahlung hat nicht funktioniert.",
        "Das Formular war zu lang.",
        "Der Gutscheincode wurde nicht angenommen."
    };
    static final String[] SEVERITIES = {"low", "low", "medium", "medium", "high", "critical"};

    private DemoVocabulary() {}
}
