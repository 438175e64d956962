package org.opencxm.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged application started as its own process, the way an operator runs it, so that
 * tests can stop it hard and start it again on the same data directory.
 */
public final class LaunchedApp {

    private final Path jar;
    private final Path dataDir;
    private final Path log;
    private final Map<String, String> environment;
    private final int port;
    private Process process;

    /** The log collects the output of every start of this app; an earlier test run's log is discarded. */
    public LaunchedApp(Path jar, Path dataDir, Path log, Map<String, String> environment) throws IOException {
        Files.deleteIfExists(log);
        this.jar = jar;
        this.dataDir = dataDir;
        this.log = log;
        this.environment = environment;
        this.port = freePort();
    }

    public static Path packagedJar() {
        var jar = Path.of(System.getProperty("opencxm.it.jar", "target/opencxm-0.1.0-SNAPSHOT.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Run 'mvnw verify' so that the application jar exists: " + jar);
        }
        return jar;
    }

    /** Starts the application and waits until it reports ready; returns the start-up time. */
    public Duration start() throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                jar.toString(),
                "--server.port=" + port));
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // Always the embedded database: an external one given to the test JVM is not for this app.
        builder.environment()
                .keySet()
                .removeIf(name -> name.startsWith("OPENCXM_DB_") || name.startsWith("SPRING_DATASOURCE_"));
        builder.environment().putAll(environment);
        builder.environment().put("OPENCXM_DATA_DIR", dataDir.toString());
        long started = System.nanoTime();
        process = builder.start();
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("The application exited; see " + log);
                    }
                    return isReady();
                });
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** {@code kill -9}: no shutdown hook runs, the embedded PostgreSQL is left orphaned. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** {@code kill} (SIGTERM): a graceful shutdown that also stops the embedded PostgreSQL. */
    public int stop() throws InterruptedException {
        process.destroy();
        return process.waitFor();
    }

    /** Stops the application if it runs, and any PostgreSQL server a hard kill left behind. */
    public void cleanUp() throws Exception {
        if (isAlive()) {
            stop();
        }
        postmasterPid().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroy);
    }

    /** The embedded PostgreSQL's process, from its lock file in the data directory. */
    public java.util.Optional<Long> postmasterPid() throws IOException {
        var pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(
                Long.parseLong(Files.readAllLines(pidFile).get(0).strip()));
    }

    /** The embedded PostgreSQL's port, for tests that look into the database directly. */
    public int postgresPort() throws IOException {
        return Integer.parseInt(
                Files.readAllLines(dataDir.resolve("postmaster.pid")).get(3).strip());
    }

    /** The embedded PostgreSQL's password, which only the data directory's owner can read, as this test can. */
    public String postgresPassword() throws IOException {
        return Files.readString(dataDir.resolve("opencxm-password")).strip();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public int port() {
        return port;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    private boolean isReady() {
        try {
            var response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A server-side write key made on the settings page, as an admin makes one. */
    public static String writeKey(BrowserlessSession admin) {
        admin.get("/settings/api-keys");
        var page = admin.post(
                        "/settings/api-keys", Map.of("name", "shop", "kind", "WRITE", "role", "", "serverSide", "true"))
                .body();
        return page.replaceAll("(?s).*id=\"created-token\">([^<]+)<.*", "$1");
    }

    /** Identifies a German-speaking customer who agreed to e-mail, as the shop's backend does. */
    public void identify(String writeKey, String userId, String email) throws Exception {
        var body = "{\"writeKey\": \"" + writeKey + "\", \"userId\": \"" + userId + "\", \"traits\": {\"email\": \""
                + email + "\", \"language\": \"de\", \"consent\": {\"email\": true}}}";
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/identify"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("identify answered " + response.statusCode());
        }
    }
}
