package org.opencxm.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.opencxm.testing.BrowserlessSession;

/**
 * The journeys benchmark: a year of customer lives (about 20 events each) through the collection
 * API, the time the lifecycle needs to follow them, then funnel, path and pain-point queries over
 * 90 days (p50/p95 of repeated runs), then live events at a steady rate with the lifecycle's lag
 * (the age of the oldest batch still waiting, sampled every 200 ms).
 */
public final class JourneyLoad {

    static final String[] TOUCHPOINTS = {"website", "webshop", "hotline", "app"};

    public static void main(String[] args) throws Exception {
        var options = options(args);
        var url = options.getOrDefault("url", "http://localhost:8080");
        int customers = Integer.parseInt(options.getOrDefault("customers", "500000"));
        long events = Long.parseLong(options.getOrDefault("events", "10000000"));
        int connections = Integer.parseInt(options.getOrDefault("connections", "4"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "20"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "10000"));
        int liveSeconds = Integer.parseInt(options.getOrDefault("live-seconds", "60"));
        var jdbc = options.get("jdbc");
        var jdbcPassword =
                Files.readString(Path.of(options.get("jdbc-password-file"))).strip();
        var keys = keys(url, "admin@opencxm.local", options.get("password"));
        // --phases history,queries,live (all by default): a second run can measure queries on kept data
        var phases =
                List.of(options.getOrDefault("phases", "history,queries,live").split(","));
        if (phases.contains("history")) {
            var started = System.nanoTime();
            long sent = history(url, keys[0], customers, events, connections);
            double sending = (System.nanoTime() - started) / 1e9;
            System.out.printf(
                    "history: %,d events of %,d customers sent in %.0f s = %,.0f events/s%n",
                    sent, customers, sending, sent / sending);
            awaitFollowed(jdbc, jdbcPassword);
            double following = (System.nanoTime() - started) / 1e9;
            System.out.printf(
                    "lifecycle followed all of it %.0f s after the first event = %,.0f events/s end to end%n",
                    following, sent / following);
        }
        counts(jdbc, jdbcPassword);
        if (phases.contains("queries")) {
            queries(url, keys[1], runs);
        }
        if (phases.contains("live")) {
            live(url, keys[0], customers, rate, liveSeconds, jdbc, jdbcPassword);
        }
    }

    static void queries(String url, String token, int runs) throws Exception {
        var today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        var period = "from=" + today.minusDays(89) + "&to=" + today;
        var funnel = "{\"steps\": [\"Product Viewed\", \"Product Added\", \"Checkout Started\", \"Order Completed\"],"
                + " \"windowDays\": 7}";
        measure(
                "4-step funnel, 90 days",
                runs,
                () -> post(url, token, "/api/v1/journeys/funnels/result?" + period, funnel));
        measure(
                "paths before Order Completed, 90 days",
                runs,
                () -> get(url, token, "/api/v1/journeys/paths?target=Order%20Completed&" + period));
        measure("pain-point map, 90 days", runs, () -> get(url, token, "/api/v1/journeys/pain-points?" + period));
        measure("stage flow, 90 days", runs, () -> get(url, token, "/api/v1/journeys/flow?" + period));
        measure("cohorts, 12 months", runs, () -> get(url, token, "/api/v1/journeys/cohorts"));
    }

    /** Customers' lives, a batch of whole lives per request, on several connections. */
    static long history(String url, String writeKey, int customers, long events, int connections) throws Exception {
        var perCustomer = Math.max(5, (int) (events / customers));
        var next = new AtomicLong();
        var sent = new AtomicLong();
        var client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var pool = Executors.newFixedThreadPool(connections);
        var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int t = 0; t < connections; t++) {
            pool.submit(() -> {
                var batch = new ArrayList<String>();
                long customer;
                while ((customer = next.getAndIncrement()) < customers) {
                    batch.addAll(life(customer, perCustomer, now));
                    if (batch.size() >= 250) {
                        send(client, url, writeKey, batch);
                        sent.addAndGet(batch.size());
                        batch.clear();
                    }
                }
                if (!batch.isEmpty()) {
                    send(client, url, writeKey, batch);
                    sent.addAndGet(batch.size());
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.HOURS);
        return sent.get();
    }

    /** One customer's year: browsing, a funnel that most leave early, orders, deliveries, complaints, scores. */
    static List<String> life(long customer, int size, Instant now) {
        var random = new Random(customer);
        var user = "bench-" + customer;
        var events = new ArrayList<String>();
        double day = 1 + random.nextDouble() * 364;
        while (events.size() < size * 0.3) {
            events.add(page(user, at(now, day), "website"));
            day -= random.nextDouble() * 0.2;
        }
        if (random.nextInt(100) < 80) {
            events.add(track(user, "Product Viewed", at(now, day -= 0.01), "webshop", "{}"));
        }
        if (random.nextInt(100) < 50) {
            events.add(track(user, "Product Added", at(now, day -= 0.01), "webshop", "{}"));
        }
        if (random.nextInt(100) < 35) {
            events.add(track(user, "Checkout Started", at(now, day -= 0.01), "webshop", "{}"));
        }
        int orders = random.nextInt(100) < 25 ? 1 + random.nextInt(4) : 0;
        for (int o = 0; o < orders && day > 0.5; o++) {
            events.add(track(user, "Order Completed", at(now, day -= 0.005), "webshop", "{\"revenue\": 59.9}"));
            events.add(track(user, "Order Delivered", at(now, day -= 2), "webshop", "{}"));
            if (random.nextInt(100) < 8) {
                events.add(
                        track(user, "Complaint Filed", at(now, day -= 0.5), "hotline", "{\"category\": \"delivery\"}"));
            }
            if (random.nextInt(100) < 20) {
                events.add(track(
                        user,
                        "Survey Responded",
                        at(now, day -= 0.1),
                        "webshop",
                        "{\"nps\": " + (random.nextInt(100) < 30 ? random.nextInt(7) : 7 + random.nextInt(4)) + "}"));
            }
            day -= 10 + random.nextDouble() * 60;
            if (o + 1 < orders && day > 1) {
                events.add(track(user, "Product Viewed", at(now, day), "webshop", "{}"));
                events.add(track(user, "Checkout Started", at(now, day -= 0.01), "webshop", "{}"));
            }
        }
        if (orders > 0 && random.nextInt(100) < 6) {
            events.add(track(user, "Subscription Cancelled", at(now, Math.max(0.1, day)), "hotline", "{}"));
        }
        // the rest of the year: app sessions and product views, half and half
        while (events.size() < size) {
            var when = at(now, Math.max(0.01, random.nextDouble() * 300));
            events.add(
                    random.nextBoolean()
                            ? screen(user, when, "app")
                            : track(user, "Product Viewed", when, random.nextBoolean() ? "webshop" : "app", "{}"));
        }
        return events;
    }

    /** Live events at a steady rate for existing customers, and the lag of the lifecycle meanwhile. */
    static void live(String url, String writeKey, int customers, int rate, int seconds, String jdbc, String password)
            throws Exception {
        var client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var lags = new ConcurrentLinkedQueue<Double>();
        var sampler = Executors.newSingleThreadScheduledExecutor();
        var connection = DriverManager.getConnection(jdbc, "postgres", password);
        sampler.scheduleAtFixedRate(
                () -> {
                    try (var statement = connection.createStatement();
                            var result = statement.executeQuery("select coalesce(extract(epoch from now() - min(r)), 0)"
                                    + " from event_batch, unnest(received_at) r")) {
                        result.next();
                        lags.add(result.getDouble(1));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                0,
                200,
                TimeUnit.MILLISECONDS);
        var pool = Executors.newFixedThreadPool(8);
        var random = new Random(42);
        long sent = 0;
        var start = System.nanoTime();
        int perTick = rate / 20;
        for (int tick = 0; tick < seconds * 20; tick++) {
            var batch = new ArrayList<String>();
            var now = Instant.now();
            for (int i = 0; i < perTick; i++) {
                var user = "bench-" + random.nextInt(customers);
                batch.add(
                        random.nextInt(10) == 0
                                ? track(user, "Order Completed", now, "webshop", "{\"revenue\": 19.9}")
                                : track(user, "Product Viewed", now, "webshop", "{}"));
            }
            for (int part = 0; part < batch.size(); part += 250) {
                var slice = List.copyOf(batch.subList(part, Math.min(batch.size(), part + 250)));
                pool.submit(() -> send(client, url, writeKey, slice));
            }
            sent += batch.size();
            long due = start + (tick + 1) * 50_000_000L;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        double took = (System.nanoTime() - start) / 1e9;
        Thread.sleep(3000);
        sampler.shutdownNow();
        var sorted = lags.stream().sorted().toList();
        System.out.printf(
                "live: %,d events in %.1f s = %,.0f events/s; lifecycle lag (oldest waiting batch) p50 %.2f s,"
                        + " p99 %.2f s, max %.2f s over %d samples%n",
                sent,
                took,
                sent / took,
                sorted.get(sorted.size() / 2),
                sorted.get((int) (sorted.size() * 0.99)),
                sorted.get(sorted.size() - 1),
                sorted.size());
        connection.close();
    }

    static void awaitFollowed(String jdbc, String password) throws Exception {
        try (var connection = DriverManager.getConnection(jdbc, "postgres", password)) {
            while (true) {
                try (var statement = connection.createStatement();
                        var result = statement.executeQuery(
                                "select (select count(*) from event_batch) + (select count(*) from identity_observation)")) {
                    result.next();
                    if (result.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(1000);
            }
        }
    }

    static void counts(String jdbc, String password) throws Exception {
        try (var connection = DriverManager.getConnection(jdbc, "postgres", password);
                var statement = connection.createStatement();
                var result =
                        statement.executeQuery("select (select count(*) from event), (select count(*) from customer),"
                                + " (select count(*) from journey_event), (select count(*) from journey_transition),"
                                + " pg_size_pretty(pg_database_size('opencxm'))")) {
            result.next();
            System.out.printf(
                    "stored: %,d events, %,d customers, %,d journey events, %,d transitions; database %s%n",
                    result.getLong(1), result.getLong(2), result.getLong(3), result.getLong(4), result.getString(5));
        }
    }

    interface Call {
        int run() throws Exception;
    }

    static void measure(String what, int runs, Call call) throws Exception {
        for (int i = 0; i < 2; i++) {
            call.run();
        }
        var times = new ArrayList<Double>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            int status = call.run();
            times.add((System.nanoTime() - start) / 1e6);
            if (status != 200) {
                throw new IllegalStateException(what + " answered " + status);
            }
        }
        var sorted = times.stream().sorted().toList();
        System.out.printf(
                "%s: p50 %.0f ms, p95 %.0f ms, max %.0f ms over %d runs%n",
                what,
                sorted.get(runs / 2),
                sorted.get(Math.min(runs - 1, (int) Math.ceil(runs * 0.95) - 1)),
                sorted.get(runs - 1),
                runs);
    }

    private static final HttpClient API = HttpClient.newHttpClient();

    static int get(String url, String token, String path) throws Exception {
        return API.send(
                        HttpRequest.newBuilder(URI.create(url + path))
                                .header("Authorization", "Bearer " + token)
                                .timeout(Duration.ofMinutes(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    static int post(String url, String token, String path, String json) throws Exception {
        return API.send(
                        HttpRequest.newBuilder(URI.create(url + path))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .timeout(Duration.ofMinutes(2))
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    static Void send(HttpClient client, String url, String writeKey, List<String> events) throws Exception {
        var body = "{\"batch\": [" + String.join(",", events) + "]}";
        var auth = Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
        for (int attempt = 0; ; attempt++) {
            var response = client.send(
                    HttpRequest.newBuilder(URI.create(url + "/v1/batch"))
                            .header("Authorization", "Basic " + auth)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 200) {
                return null;
            }
            if (attempt == 5) {
                throw new IllegalStateException("collection answered " + response.statusCode());
            }
            Thread.sleep(200L << attempt);
        }
    }

    private static String at(Instant now, double daysAgo) {
        return now.minusSeconds((long) (daysAgo * 86_400)).toString();
    }

    private static String page(String user, String at, String touchpoint) {
        return "{\"type\":\"page\",\"name\":\"Home\",\"userId\":\"" + user + "\",\"timestamp\":\"" + at
                + "\",\"context\":{\"touchpoint\":\"" + touchpoint + "\"}}";
    }

    private static String screen(String user, String at, String touchpoint) {
        return "{\"type\":\"screen\",\"name\":\"Start\",\"userId\":\"" + user + "\",\"timestamp\":\"" + at
                + "\",\"context\":{\"touchpoint\":\"" + touchpoint + "\"}}";
    }

    private static String track(String user, String event, Object at, String touchpoint, String properties) {
        return "{\"type\":\"track\",\"event\":\"" + event + "\",\"userId\":\"" + user + "\",\"timestamp\":\"" + at
                + "\",\"properties\":" + properties + ",\"context\":{\"touchpoint\":\"" + touchpoint + "\"}}";
    }

    /** A write key and a management token (CX manager), with the touchpoints the lives use. */
    static String[] keys(String url, String email, String password) {
        var session = new BrowserlessSession(url, "en");
        if (!"/".equals(session.signIn(email, password))) {
            throw new IllegalStateException("Cannot sign in as " + email);
        }
        session.get("/settings/touchpoints");
        var channels = Map.of("website", "WEB", "webshop", "SHOP", "hotline", "CALL_CENTER", "app", "APP");
        for (var key : TOUCHPOINTS) {
            session.post(
                    "/settings/touchpoints",
                    Map.of(
                            "key",
                            key,
                            "name",
                            key,
                            "channel",
                            channels.get(key),
                            "department",
                            "SALES",
                            "costPerContact",
                            "0.10",
                            "active",
                            "true"));
        }
        session.get("/settings/api-keys");
        var write = session.post(
                        "/settings/api-keys",
                        Map.of("name", "bench write", "kind", "WRITE", "role", "", "serverSide", "true"))
                .body()
                .replaceAll("(?s).*id=\"created-token\">([^<]+)<.*", "$1");
        var management = session.post(
                        "/settings/api-keys", Map.of("name", "bench api", "kind", "MANAGEMENT", "role", "CX_MANAGER"))
                .body()
                .replaceAll("(?s).*id=\"created-token\">([^<]+)<.*", "$1");
        return new String[] {write, management};
    }

    static Map<String, String> options(String[] args) {
        var options = new HashMap<String, String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }

    private JourneyLoad() {}
}
