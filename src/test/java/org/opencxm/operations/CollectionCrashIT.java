package org.opencxm.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencxm.testing.BrowserlessSession;
import org.opencxm.testing.LaunchedApp;

/**
 * Clients keep sending batches, retrying each until it is acknowledged, while the application
 * is killed with SIGKILL and started again. Afterwards every acknowledged message id is stored,
 * and no message id is stored twice.
 */
class CollectionCrashIT {

    private static final String PASSWORD = "crash test password";
    private static final int CLIENTS = 4;
    private static final int BATCH = 25;

    @TempDir
    Path workDir;

    LaunchedApp app;

    @BeforeEach
    void setUp() throws IOException {
        app = new LaunchedApp(
                LaunchedApp.packagedJar(),
                workDir.resolve("postgres"),
                Path.of("target", "collection-crash-it.log"),
                Map.of("OPENCXM_ADMIN_PASSWORD", PASSWORD, "OPENCXM_DEMO", "false"));
    }

    @AfterEach
    void tearDown() throws Exception {
        app.cleanUp();
    }

    @Test
    void everyAcknowledgedMessageIsStoredExactlyOnce() throws Exception {
        app.start();
        var writeKey = createWriteKey();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        var sending = new AtomicBoolean(true);
        var clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> sendUntilStopped(writeKey, sending, acknowledged));
        }

        awaitAcknowledged(acknowledged, 500);
        app.kill();
        int beforeRestart = acknowledged.size();
        app.start();
        awaitAcknowledged(acknowledged, beforeRestart + 500);
        sending.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        var stored = storedMessageIds();
        assertThat(stored.duplicates()).as("message ids stored more than once").isEmpty();
        assertThat(stored.ids()).containsAll(acknowledged);
        assertThat(acknowledged).hasSizeGreaterThan(1000);
    }

    /**
     * The database dies under the application (SIGKILL of PostgreSQL): requests are answered 503,
     * never 200 and never 500, so clients keep their events; after a restart their retries land.
     */
    @Test
    void aDeadDatabaseAnswers503AndLosesNothing() throws Exception {
        app.start();
        var writeKey = createWriteKey();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        var sending = new AtomicBoolean(true);
        var statuses = ConcurrentHashMap.<Integer>newKeySet();
        var clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> sendUntilStopped(writeKey, sending, acknowledged, statuses));
        }
        awaitAcknowledged(acknowledged, 300);

        ProcessHandle.of(app.postmasterPid().orElseThrow()).orElseThrow().destroyForcibly();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> statuses.contains(503));
        int beforeRestart = acknowledged.size();
        app.kill();
        app.start();
        awaitAcknowledged(acknowledged, beforeRestart + 300);
        sending.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(statuses)
                .as("answers seen by the clients")
                .doesNotContain(500)
                .contains(200, 503);
        var stored = storedMessageIds();
        assertThat(stored.duplicates()).isEmpty();
        assertThat(stored.ids()).containsAll(acknowledged);
    }

    private void sendUntilStopped(String writeKey, AtomicBoolean sending, Set<String> acknowledged) {
        sendUntilStopped(writeKey, sending, acknowledged, ConcurrentHashMap.newKeySet());
    }

    private void sendUntilStopped(
            String writeKey, AtomicBoolean sending, Set<String> acknowledged, Set<Integer> statuses) {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (sending.get()) {
            var ids = new ArrayList<String>();
            var batch = new StringBuilder("{\"writeKey\": \"" + writeKey + "\", \"batch\": [");
            for (int i = 0; i < BATCH; i++) {
                var id = UUID.randomUUID().toString();
                ids.add(id);
                batch.append(i == 0 ? "" : ",")
                        .append("{\"type\": \"track\", \"userId\": \"crash-")
                        .append(i % 7)
                        .append("\", \"event\": \"Order Completed\", \"messageId\": \"")
                        .append(id)
                        .append("\", \"properties\": {\"revenue\": 12.5}}");
            }
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/v1/batch"))
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(batch.append("]}").toString()))
                    .build();
            // Like a Segment client: the same batch again until it is acknowledged.
            while (true) {
                try {
                    var status = http.send(request, HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                    statuses.add(status);
                    if (status == 200) {
                        acknowledged.addAll(ids);
                        break;
                    }
                } catch (IOException e) {
                    // the server is down or restarting: retry
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (!backOff()) {
                    return;
                }
            }
        }
    }

    private static boolean backOff() {
        try {
            TimeUnit.MILLISECONDS.sleep(100);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void awaitAcknowledged(Set<String> acknowledged, int count) {
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> acknowledged.size() >= count);
    }

    private String createWriteKey() {
        var session = BrowserlessSession.on(app.port());
        assertThat(session.signIn("admin@opencxm.local", PASSWORD)).isEqualTo("/");
        session.get("/settings/api-keys");
        var page = session.post("/settings/api-keys", Map.of("name", "crash test", "kind", "WRITE", "role", ""))
                .body();
        return page.replaceAll("(?s).*id=\"created-token\">([^<]+)<.*", "$1");
    }

    record Stored(Set<String> ids, List<String> duplicates) {}

    /** Reads the embedded database directly: its port is in PostgreSQL's lock file, its password beside it. */
    private Stored storedMessageIds() throws Exception {
        var port = app.postgresPort();
        try (var connection = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + port + "/opencxm", "postgres", app.postgresPassword());
                var statement = connection.createStatement();
                var rows = statement.executeQuery("select message_id, count(*) from event group by message_id")) {
            var ids = new HashSet<String>();
            var duplicates = new ArrayList<String>();
            while (rows.next()) {
                ids.add(rows.getString(1));
                if (rows.getInt(2) > 1) {
                    duplicates.add(rows.getString(1));
                }
            }
            return new Stored(ids, duplicates);
        }
    }
}
