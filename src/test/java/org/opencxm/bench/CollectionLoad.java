package org.opencxm.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.opencxm.testing.BrowserlessSession;
import org.postgresql.PGConnection;

/**
 * Load driver for the collection API, for docs/performance.md. Sends batches (or single events)
 * from several connections for a fixed time, counts acknowledged events and the latency of each
 * acknowledgement, then COPYs as many rows of the same shape into the same table as reference.
 *
 * <pre>
 * java ... org.opencxm.bench.CollectionLoad --url http://localhost:8080 --password ADMIN_PASSWORD
 *      --mode batch|single --seconds 300 --connections 8 --batch 200 [--jdbc jdbc:postgresql://...
 *      --jdbc-password-file data/postgres/opencxm-password]
 * </pre>
 */
public final class CollectionLoad {

    public static void main(String[] args) throws Exception {
        var options = options(args);
        var url = options.getOrDefault("url", "http://localhost:8080");
        var mode = options.getOrDefault("mode", "batch");
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        int connections = Integer.parseInt(options.getOrDefault("connections", "8"));
        int batchSize = mode.equals("single") ? 1 : Integer.parseInt(options.getOrDefault("batch", "200"));
        var writeKey = writeKey(url, options.getOrDefault("email", "admin@opencxm.local"), options.get("password"));

        System.out.printf("mode=%s connections=%d batch=%d seconds=%d%n", mode, connections, batchSize, seconds);
        var result = run(url, writeKey, mode, seconds, connections, batchSize);
        System.out.println(result);
        if (options.containsKey("jdbc")) {
            var databasePassword = options.containsKey("jdbc-password-file")
                    ? java.nio.file.Files.readString(java.nio.file.Path.of(options.get("jdbc-password-file")))
                            .strip()
                    : "";
            copyReference(options.get("jdbc"), databasePassword, (int) Math.min(result.events(), 2_000_000));
        }
    }

    record Result(
            long events, long requests, long failures, double seconds, long p50Micros, long p99Micros, long maxMicros) {

        @Override
        public String toString() {
            return String.format(
                    "acknowledged %,d events in %,d requests (%,d failed) over %.1f s = %,.0f events/s, %,.0f requests/s;"
                            + " ack latency p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                    events,
                    requests,
                    failures,
                    seconds,
                    events / seconds,
                    requests / seconds,
                    p50Micros / 1000.0,
                    p99Micros / 1000.0,
                    maxMicros / 1000.0);
        }
    }

    static Result run(String url, String writeKey, String mode, int seconds, int connections, int batchSize)
            throws Exception {
        var endpoint = URI.create(url + (mode.equals("single") ? "/v1/track" : "/v1/batch"));
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        var events = new AtomicLong();
        var failures = new AtomicLong();
        var latencies = new ArrayList<long[]>();
        var counts = new long[connections];
        var pool = Executors.newFixedThreadPool(connections);
        var started = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            var samples = new long[8_000_000];
            latencies.add(samples);
            int client = c;
            pool.submit(() -> {
                var http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
                long sequence = 0;
                int n = 0;
                while (System.nanoTime() < deadline) {
                    var body = mode.equals("single")
                            ? event(client, sequence++, writeKey, true)
                            : batch(client, sequence, batchSize, writeKey);
                    if (!mode.equals("single")) {
                        sequence += batchSize;
                    }
                    var request = HttpRequest.newBuilder(endpoint)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build();
                    long sent = System.nanoTime();
                    try {
                        var status = http.send(request, HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                        if (status == 200) {
                            events.addAndGet(batchSize);
                            if (n < samples.length) {
                                samples[n++] = (System.nanoTime() - sent) / 1000;
                            }
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
                counts[client] = n;
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - started) / 1e9;
        long total = Arrays.stream(counts).sum();
        var all = new long[(int) total];
        int offset = 0;
        for (int c = 0; c < connections; c++) {
            System.arraycopy(latencies.get(c), 0, all, offset, (int) counts[c]);
            offset += (int) counts[c];
        }
        Arrays.sort(all);
        return new Result(
                events.get(),
                total,
                failures.get(),
                elapsed,
                all.length == 0 ? 0 : all[(int) (all.length * 0.50)],
                all.length == 0 ? 0 : all[Math.min(all.length - 1, (int) (all.length * 0.99))],
                all.length == 0 ? 0 : all[all.length - 1]);
    }

    private static byte[] batch(int client, long first, int size, String writeKey) {
        var body = new StringBuilder(size * 400)
                .append("{\"writeKey\":\"")
                .append(writeKey)
                .append("\",\"batch\":[");
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                body.append(',');
            }
            body.append(new String(event(client, first + i, null, false), StandardCharsets.UTF_8));
        }
        return body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A realistic event of about 350 bytes: a product view or an order, by one of 10,000 customers. */
    private static byte[] event(int client, long sequence, String writeKey, boolean single) {
        long customer = (sequence * 7919 + client) % 10_000;
        var order = sequence % 10 == 0;
        var json = "{" + (single ? "\"writeKey\":\"" + writeKey + "\"," : "\"type\":\"track\",")
                + "\"messageId\":\"load-" + client + "-" + sequence + "-" + System.nanoTime() + "\","
                + "\"userId\":\"customer-" + customer + "\","
                + "\"event\":\"" + (order ? "Order Completed" : "Product Viewed") + "\","
                + "\"timestamp\":\"2026-11-24T10:00:00.000Z\","
                + "\"properties\":{\"product_id\":\"p-" + (sequence % 500) + "\",\"price\":49.9,\"currency\":\"EUR\""
                + (order ? ",\"revenue\":99.8,\"margin\":31.2" : "") + "},"
                + "\"context\":{\"touchpoint\":\"webshop\",\"library\":{\"name\":\"load-driver\",\"version\":\"1\"},"
                + "\"page\":{\"path\":\"/products/p-" + (sequence % 500) + "\"}}}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** The reference: PostgreSQL's COPY of rows shaped like the API's into the same table. */
    static void copyReference(String jdbcUrl, String password, int rows) throws Exception {
        try (var connection = DriverManager.getConnection(jdbcUrl, "postgres", password)) {
            String workspace;
            String touchpoint;
            try (var statement = connection.createStatement();
                    var result = statement.executeQuery("select workspace_id, id from touchpoint limit 1")) {
                result.next();
                workspace = result.getString(1);
                touchpoint = result.getString(2);
            }
            var csv = new StringBuilder(rows * 300);
            for (int i = 0; i < rows; i++) {
                csv.append(workspace)
                        .append(',')
                        .append(java.util.UUID.randomUUID())
                        .append(",copy-")
                        .append(i)
                        .append(",track,Product Viewed,,customer-")
                        .append(i % 10_000)
                        .append(",,,")
                        .append(touchpoint)
                        .append(",2026-11-24 10:00:00+00,")
                        .append("2026-11-24 10:00:00+00,,")
                        .append(
                                "\"{\"\"product_id\"\":\"\"p-1\"\",\"\"price\"\":49.9,\"\"currency\"\":\"\"EUR\"\"}\",,")
                        .append(
                                "\"{\"\"touchpoint\"\":\"\"webshop\"\",\"\"page\"\":{\"\"path\"\":\"\"/products/p-1\"\"}}\"\n");
            }
            var copy = ((PGConnection) connection.unwrap(PGConnection.class)).getCopyAPI();
            long started = System.nanoTime();
            long copied = copy.copyIn(
                    "copy event (workspace_id, id, message_id, type, name, anonymous_id, user_id, previous_id, group_id,"
                            + " touchpoint_id, occurred_at, received_at, sent_at, properties, traits, context)"
                            + " from stdin with (format csv)",
                    new java.io.StringReader(csv.toString()));
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("COPY reference: %,d rows in %.1f s = %,.0f rows/s%n", copied, seconds, copied / seconds);
        }
    }

    private static String writeKey(String url, String email, String password) {
        var session = new BrowserlessSession(url, "en");
        if (!"/".equals(session.signIn(email, password))) {
            throw new IllegalStateException("Cannot sign in as " + email);
        }
        session.get("/settings/touchpoints");
        session.post(
                "/settings/touchpoints",
                Map.of(
                        "key",
                        "webshop",
                        "name",
                        "Webshop",
                        "channel",
                        "SHOP",
                        "department",
                        "SALES",
                        "costPerContact",
                        "0.10",
                        "active",
                        "true"));
        session.get("/settings/api-keys");
        var page = session.post(
                        "/settings/api-keys", Map.of("name", "load " + System.nanoTime(), "kind", "WRITE", "role", ""))
                .body();
        return page.replaceAll("(?s).*id=\"created-token\">([^<]+)<.*", "$1");
    }

    private static Map<String, String> options(String[] args) {
        var options = new HashMap<String, String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }

    private CollectionLoad() {}
}
