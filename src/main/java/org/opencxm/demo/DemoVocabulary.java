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
    static final String[] SEVERITIES = {"low", "low", "medium", "medium", "high", "critical"};

    private DemoVocabulary() {}
}
