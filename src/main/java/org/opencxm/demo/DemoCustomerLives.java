package org.opencxm.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.opencxm.touchpoints.EventType;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plausible event histories for the demo, as the messages a website, shop and app would send: each customer starts as an anonymous website visitor,
 * signs up, and then goes as far through the lifecycle as their persona says.
 */
final class DemoCustomerLives {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Random random;
    private final DemoOpinions opinions;
    private final Instant now;
    private long sequence;

    DemoCustomerLives(Random random, Instant now) {
        this.random = random;
        this.opinions = new DemoOpinions(random);
        this.now = now;
    }

    /** A visitor who never signs up: a few page views, maybe a product. */
    List<ObjectNode> visitor(int index) {
        var events = new ArrayList<ObjectNode>();
        var anonymousId = "demo-visitor-" + index;
        double day = 1 + random.nextDouble() * 360;
        browse(events, anonymousId, null, day, 1 + random.nextInt(4));
        return events;
    }

    /** A known customer with a persona between "lead" and "churned". */
    List<ObjectNode> customer(int index) {
        var events = new ArrayList<ObjectNode>();
        var anonymousId = "demo-device-" + index;
        var userId = "K-" + (100_000 + index);
        var persona = random.nextInt(100);
        double day = 20 + random.nextDouble() * 340;
        browse(events, anonymousId, null, day, 1 + random.nextInt(4));
        day -= random.nextDouble() * 3;
        events.add(identify(anonymousId, userId, day, index));
        if (persona < 20) {
            browse(events, null, userId, day - 1, 1 + random.nextInt(3));
            return events;
        }
        day = shop(events, userId, day - random.nextDouble() * 5);
        if (persona < 32) {
            events.add(track("webshop", userId, "Checkout Started", day, "{\"value\": " + price() + "}"));
            if (random.nextInt(100) < 30) {
                events.add(track("webshop", userId, "Survey Responded", day - 0.01, opinions.checkoutLeft()));
            }
            return events; // abandoned checkout
        }
        int orders = persona < 52 ? 1 : persona < 82 ? 2 + random.nextInt(4) : 1 + random.nextInt(2);
        boolean fadesOut = persona >= 82;
        double lastDay = fadesOut ? Math.max(day - 60, 130 + random.nextDouble() * 100) : 0;
        for (int order = 0; order < orders && day > lastDay + 1; order++) {
            day = order(events, userId, day);
            day = use(events, userId, day, lastDay);
            day -= 10 + random.nextDouble() * 60;
        }
        if (persona >= 94) {
            events.add(track(
                    "hotline",
                    userId,
                    "Subscription Cancelled",
                    Math.max(lastDay, 1),
                    "{\"reason\": \"" + reason() + "\"}"));
        }
        return events;
    }

    private void browse(
            List<ObjectNode> events, @Nullable String anonymousId, @Nullable String userId, double day, int views) {
        for (int i = 0; i < views; i++) {
            var page = DemoVocabulary.PAGES[random.nextInt(DemoVocabulary.PAGES.length)];
            events.add(event(
                    EventType.PAGE,
                    page,
                    anonymousId,
                    userId,
                    "website",
                    day - i * 0.01,
                    "{\"path\": \"/" + page.toLowerCase(Locale.ROOT).replace(' ', '-') + "\"}",
                    null));
        }
        if (random.nextBoolean()) {
            events.add(event(
                    EventType.TRACK,
                    "Product Viewed",
                    anonymousId,
                    userId,
                    "website",
                    day - 0.05,
                    "{\"product_id\": \"P-" + random.nextInt(200) + "\"}",
                    null));
        }
    }

    private double shop(List<ObjectNode> events, String userId, double day) {
        events.add(track(
                "webshop",
                userId,
                "Products Searched",
                day,
                "{\"query\": \"" + DemoVocabulary.PAGES[random.nextInt(3)] + "\"}"));
        events.add(track(
                "webshop", userId, "Product Added", day - 0.01, "{\"product_id\": \"P-" + random.nextInt(200) + "\"}"));
        events.add(track("webshop", userId, "Cart Viewed", day - 0.02, "{}"));
        return day - 0.03;
    }

    private double order(List<ObjectNode> events, String userId, double day) {
        var orderId = "O-" + (++sequence);
        var revenue = price();
        var channel = random.nextInt(10) < 8 ? "webshop" : "store-berlin";
        if ("webshop".equals(channel)) {
            // a few minutes at the checkout before the order goes through
            events.add(track(
                    channel,
                    userId,
                    "Checkout Started",
                    day + 0.002 + random.nextDouble() * 0.01,
                    "{\"value\": " + revenue + "}"));
        }
        events.add(track(
                channel,
                userId,
                "Order Completed",
                day,
                String.format(
                        Locale.ROOT,
                        "{\"order_id\": \"%s\", \"revenue\": %.2f, \"margin\": %.2f, \"currency\": \"EUR\"}",
                        orderId,
                        revenue,
                        revenue * (0.2 + random.nextDouble() * 0.2))));
        double delivered = day - 1 - random.nextInt(4);
        events.add(track("webshop", userId, "Order Delivered", delivered, "{\"order_id\": \"" + orderId + "\"}"));
        boolean returned = random.nextInt(100) < 9;
        if (returned) {
            events.add(
                    track("webshop", userId, "Product Returned", delivered - 3, "{\"order_id\": \"" + orderId + "\"}"));
        }
        boolean complained = random.nextInt(100) < 6;
        if (complained) {
            int kind = random.nextInt(DemoVocabulary.COMPLAINTS.length);
            var severity = DemoVocabulary.SEVERITIES[random.nextInt(DemoVocabulary.SEVERITIES.length)];
            events.add(track(
                    random.nextBoolean() ? "hotline" : "chat",
                    userId,
                    "Complaint Filed",
                    delivered - 1,
                    "{\"order_id\": \"" + orderId + "\", \"category\": \"" + DemoVocabulary.COMPLAINTS[kind]
                            + "\", \"severity\": \"" + severity + "\", \"description\": \""
                            + DemoVocabulary.COMPLAINT_TEXTS[kind] + "\"}"));
        }
        if (random.nextInt(100) < 30) {
            var rating = opinions.afterDelivery(returned || complained);
            events.add(track("webshop", userId, "Survey Responded", delivered - 0.5, rating));
        }
        return delivered - 1;
    }

    private double use(List<ObjectNode> events, String userId, double day, double until) {
        int sessions = random.nextInt(6);
        for (int i = 0; i < sessions && day > until + 1; i++) {
            day -= 1 + random.nextDouble() * 8;
            events.add(event(
                    EventType.SCREEN,
                    random.nextBoolean() ? "Bestellungen" : "Start",
                    null,
                    userId,
                    "app",
                    day,
                    "{}",
                    null));
        }
        if (random.nextInt(100) < 15) {
            events.add(track(
                    random.nextBoolean() ? "hotline" : "chat",
                    userId,
                    "Support Contacted",
                    day - 0.5,
                    "{\"topic\": \"" + DemoVocabulary.COMPLAINTS[random.nextInt(DemoVocabulary.COMPLAINTS.length)]
                            + "\"}"));
        }
        if (random.nextInt(100) < 5) {
            events.add(track("field-sales", userId, "Sales Visit", day - 0.3, "{\"topic\": \"Beratung\"}"));
        }
        if (random.nextInt(100) < 30) {
            events.add(track("newsletter", userId, "Email Opened", day - 0.7, "{\"campaign\": \"Monatsnews\"}"));
        }
        return day;
    }

    private ObjectNode identify(String anonymousId, String userId, double day, int index) {
        var first = DemoVocabulary.FIRST[random.nextInt(DemoVocabulary.FIRST.length)];
        var last = DemoVocabulary.LAST[random.nextInt(DemoVocabulary.LAST.length)];
        var email = ascii(first) + "." + ascii(last) + index + "@example.com";
        var traits = String.format(
                Locale.ROOT,
                "{\"firstName\": \"%s\", \"lastName\": \"%s\", \"email\": \"%s\", \"city\": \"%s\","
                        + " \"consent\": {\"email\": %b, \"tracking\": true}}",
                first,
                last,
                email,
                DemoVocabulary.CITIES[random.nextInt(DemoVocabulary.CITIES.length)],
                random.nextInt(10) < 7);
        return event(
                EventType.IDENTIFY,
                null,
                anonymousId,
                userId,
                random.nextInt(5) == 0 ? "newsletter" : "website",
                day,
                null,
                traits);
    }

    private ObjectNode track(String touchpoint, String userId, String name, double day, String properties) {
        return event(EventType.TRACK, name, null, userId, touchpoint, day, properties, null);
    }

    /** One message as a Segment client would send it; the touchpoint travels in the context. */
    private ObjectNode event(
            EventType type,
            @Nullable String name,
            @Nullable String anonymousId,
            @Nullable String userId,
            String touchpoint,
            double daysAgo,
            @Nullable String properties,
            @Nullable String traits) {
        var message = JSON.createObjectNode()
                .put("type", type.wireName())
                .put("messageId", "demo-" + (++sequence))
                .put(
                        "timestamp",
                        now.minus(DemoCustomers.days(Math.max(daysAgo, 0.01))).toString());
        if (name != null) {
            message.put(type == EventType.TRACK ? "event" : "name", name);
        }
        if (anonymousId != null) {
            message.put("anonymousId", anonymousId);
        }
        if (userId != null) {
            message.put("userId", userId);
        }
        if (properties != null) {
            message.set("properties", JSON.readTree(properties));
        }
        if (traits != null) {
            message.set("traits", JSON.readTree(traits));
        }
        message.putObject("context")
                .put("touchpoint", touchpoint)
                .putObject("library")
                .put("name", "opencxm-demo");
        return message;
    }

    private double price() {
        return 19.9 + random.nextInt(30) * 10;
    }

    private String reason() {
        return new String[] {"too expensive", "switched provider", "bad service", "no longer needed"}
                [random.nextInt(4)];
    }

    private static String ascii(String name) {
        return name.toLowerCase(Locale.ROOT)
                .replace("ü", "ue")
                .replace("ö", "oe")
                .replace("ä", "ae")
                .replace("ß", "ss");
    }
}
