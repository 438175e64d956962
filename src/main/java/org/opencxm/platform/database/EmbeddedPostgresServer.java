package org.opencxm.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL per data directory and JVM. Application contexts that come and go
 * (as in tests) share it through their data sources; it stops when the last data source
 * closes, that is after the application has shut down and no longer needs the database. A
 * shutdown hook stops it as well if the application never closes.
 */
final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String USER = "postgres";
    private static final String DATABASE = "opencxm";
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);
    private static final Map<Path, CompletableFuture<EmbeddedPostgresServer>> RUNNING = new ConcurrentHashMap<>();
    private static final Path TEMPORARY_DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"))
            .resolve("opencxm-" + ProcessHandle.current().pid());

    private final Path directory;
    private final EmbeddedPostgres postgres;
    private final AtomicInteger dataSources = new AtomicInteger();
    private final CountDownLatch unused = new CountDownLatch(1);

    private EmbeddedPostgresServer(Path directory, EmbeddedPostgres postgres) {
        this.directory = directory;
        this.postgres = postgres;
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopWhenUnused, "embedded-postgres-stop"));
    }

    /**
     * Starts the server for these properties in the background, unless it runs or starts already.
     * Called as soon as the configuration is known, so that PostgreSQL boots while Spring builds
     * the application context.
     */
    static CompletableFuture<EmbeddedPostgresServer> startInBackground(EmbeddedDatabaseProperties properties) {
        var directory = properties.temporary()
                ? TEMPORARY_DIRECTORY
                : properties.dataDir().toAbsolutePath().normalize();
        return RUNNING.computeIfAbsent(directory, dir -> {
            var starting = new CompletableFuture<EmbeddedPostgresServer>();
            var thread = new Thread(
                    () -> {
                        try {
                            starting.complete(start(dir, properties));
                        } catch (RuntimeException | Error e) {
                            RUNNING.remove(dir, starting);
                            starting.completeExceptionally(e);
                        }
                    },
                    "embedded-postgres-start");
            thread.setDaemon(true);
            thread.start();
            return starting;
        });
    }

    static EmbeddedPostgresServer forDirectory(EmbeddedDatabaseProperties properties) {
        try {
            return startInBackground(properties).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** A connection pool whose closing tells this server that one user fewer needs it. */
    HikariDataSource newDataSource() {
        dataSources.incrementAndGet();
        var dataSource = new HikariDataSource() {
            @Override
            public void close() {
                if (!isClosed()) {
                    super.close();
                    release();
                }
            }
        };
        dataSource.setJdbcUrl(postgres.getJdbcUrl(USER, DATABASE));
        dataSource.setUsername(USER);
        dataSource.setPoolName("embedded-postgres");
        return dataSource;
    }

    private void release() {
        if (dataSources.decrementAndGet() == 0) {
            unused.countDown();
            stop();
        }
    }

    /** The JVM is ending: give the application time to close its pool first, then stop regardless. */
    private void stopWhenUnused() {
        try {
            unused.await(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop();
    }

    private void stop() {
        RUNNING.computeIfPresent(directory, (dir, running) -> running.getNow(null) == this ? null : running);
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Could not stop the embedded PostgreSQL in {}", directory, e);
        }
    }

    private static EmbeddedPostgresServer start(Path directory, EmbeddedDatabaseProperties properties) {
        try {
            Files.createDirectories(directory.getParent());
            if (!properties.temporary()) {
                Files.createDirectories(directory);
                new StalePostmaster(directory).stopIfOrphaned();
            }
            var durability = properties.durable() ? "on" : "off";
            var postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(properties.temporary())
                    .setRegisterShutdownHook(false)
                    .setPort(properties.port())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("fsync", durability)
                    .setServerConfig("synchronous_commit", durability)
                    .setServerConfig("full_page_writes", durability)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("listen_addresses", "localhost")
                    .start();
            createDatabaseIfMissing(postgres);
            log.info("Embedded PostgreSQL running on port {} with data in {}", postgres.getPort(), directory);
            return new EmbeddedPostgresServer(directory, postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws IOException {
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var check = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            check.setString(1, DATABASE);
            try (var rows = check.executeQuery()) {
                if (!rows.next()) {
                    try (var create = connection.createStatement()) {
                        create.execute("create database " + DATABASE + " encoding 'UTF8'");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("Could not create the database " + DATABASE, e);
        }
    }
}
