package org.opencxm.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.opencxm.testing.BrowserlessSession;

/**
 * Load driver for survey submissions, for docs/performance.md. Creates an active one-page survey
 * (CES and a comment) as the admin, then submits complete responses through the answering form
 * exactly as a browser without JavaScript does: one POST per response, answered by a redirect
 * to the thank-you page. Paced at a fixed rate; latency counts from the moment each request
 * was due, so a slow server cannot hide its queueing (no coordinated omission).
 *
 * <pre>
 * java ... org.opencxm.bench.SurveyLoad --url http://localhost:8080 --password ADMIN_PASSWORD
 *      --rate 500 --seconds 60 --connections 16 --warmup 30
 * </pre>
 */
public final class SurveyLoad {

    public static void main(String[] args) throws Exception {
        var options = new HashMap<String, String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        var url = options.getOrDefault("url", "http://localhost:8080");
        int rate = Integer.parseInt(options.getOrDefault("rate", "500"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        int connections = Integer.parseInt(options.getOrDefault("connections", "16"));
        var key = survey(url, options.getOrDefault("email", "admin@opencxm.local"), options.get("password"));
        System.out.printf("rate=%d/s connections=%d seconds=%d survey=/s/%s%n", rate, connections, seconds, key);
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "30"));
        // Not measured: the JIT compiles the request path, and PostgreSQL analyzes the new tables
        // (until then its plans assume they are empty and scan them).
        System.out.println("warm-up: " + run(url, key, warmup, rate, connections));
        System.out.println(run(url, key, seconds, rate, connections));
    }

    static String run(String url, String key, int seconds, int rate, int connections) throws Exception {
        var ok = new AtomicLong();
        var failed = new AtomicLong();
        var latencies = new ArrayList<long[]>();
        var counts = new int[connections];
        long interval = TimeUnit.SECONDS.toNanos(1) * connections / rate;
        long started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(seconds);
        var pool = Executors.newFixedThreadPool(connections);
        for (int c = 0; c < connections; c++) {
            var samples = new long[rate * seconds / connections + 1000];
            latencies.add(samples);
            int client = c;
            pool.submit(() -> {
                var http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
                long due = started + interval * client / connections;
                int n = 0;
                while (due < deadline) {
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    var response = UUID.randomUUID();
                    var body = "q.ces=" + (1 + (n + client) % 7) + "&q.comment=Load+test+" + n + "&website=";
                    var request = HttpRequest.newBuilder(URI.create(url + "/s/" + key + "/" + response + "/0?lang=en"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build();
                    try {
                        var answer = http.send(request, HttpResponse.BodyHandlers.discarding());
                        if (answer.statusCode() == 302
                                && answer.headers()
                                        .firstValue("Location")
                                        .orElse("")
                                        .contains("/done")) {
                            ok.incrementAndGet();
                            if (n < samples.length) {
                                samples[n] = (System.nanoTime() - due) / 1000;
                            }
                            n++;
                        } else if (failed.incrementAndGet() == 1) {
                            System.out.println("first failure: HTTP " + answer.statusCode() + " "
                                    + answer.headers().firstValue("Location").orElse(""));
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                    due += interval;
                }
                counts[client] = Math.min(n, samples.length);
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - started) / 1e9;
        var all = new long[Arrays.stream(counts).sum()];
        int offset = 0;
        for (int c = 0; c < connections; c++) {
            System.arraycopy(latencies.get(c), 0, all, offset, counts[c]);
            offset += counts[c];
        }
        Arrays.sort(all);
        return String.format(
                "completed %,d responses (%,d failed) over %.1f s = %,.0f responses/s; latency p50 %.1f ms,"
                        + " p99 %.1f ms, max %.1f ms",
                ok.get(),
                failed.get(),
                elapsed,
                ok.get() / elapsed,
                percentile(all, 0.50) / 1000.0,
                percentile(all, 0.99) / 1000.0,
                all.length == 0 ? 0 : all[all.length - 1] / 1000.0);
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
    }

    /** Creates and activates a CES survey through the builder pages; returns its public key. */
    private static String survey(String url, String email, String password) {
        var session = new BrowserlessSession(url, "en");
        if (!"/".equals(session.signIn(email, password))) {
            throw new IllegalStateException("Cannot sign in as " + email);
        }
        session.get("/feedback");
        var created = session.post(
                "/feedback/surveys", Map.of("template", "CES_SERVICE", "name", "Load test", "defaultLanguage", "en"));
        var path = created.headers()
                .firstValue("Location")
                .orElseThrow()
                .replaceFirst("^https?://[^/]+", "")
                .replaceFirst("\\?.*$", "");
        var builder = session.get(path).body();
        var form = new HashMap<String, String>();
        form.put("name", "Load test");
        form.put("status", "ACTIVE");
        form.put("defaultLanguage", "en");
        form.put("touchpointId", "");
        form.put("stage", "USAGE");
        form.put("_widget.enabled", "on"); // the marker a browser sends for the unchecked box
        form.put("widget.delaySeconds", "5");
        form.put("widget.samplingPercent", "100");
        form.put("widget.againAfterDays", "90");
        var saved = session.post(path, form);
        if (saved.statusCode() != 302) {
            throw new IllegalStateException("Could not activate the survey: HTTP " + saved.statusCode());
        }
        return builder.replaceAll("(?s).*href=\"/s/([A-Za-z0-9_-]{22})\".*", "$1");
    }
}
