package org.opencxm.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
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

    /** What initdb writes for {@code --auth=scram-sha-256}: every connection, local or by TCP, needs the password. */
    private static final String SCRAM_ONLY = """
            # Written by OpenCXM: every connection needs the password in opencxm-password.
            local   all             all                                     scram-sha-256
            host    all             all             127.0.0.1/32            scram-sha-256
            host    all             all             ::1/128                 scram-sha-256
            local   replication     all                                     scram-sha-256
            host    replication     all             127.0.0.1/32            scram-sha-256
            host    replication     all             ::1/128                 scram-sha-256
            """;

    private final Path directory;
    private final EmbeddedPostgres postgres;
    private final String password;
    private final AtomicInteger dataSources = new AtomicInteger();
    private final CountDownLatch unused = new CountDownLatch(1);

    private EmbeddedPostgresServer(Path directory, EmbeddedPostgres postgres, String password) {
        this.directory = directory;
        this.postgres = postgres;
        this.password = password;
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
        dataSource.setPassword(password);
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
        Path initialPassword = null;
        try {
            Files.createDirectories(directory.getParent());
            if (!properties.temporary()) {
                Files.createDirectories(directory);
                new StalePostmaster(directory).stopIfOrphaned();
            }
            var fresh = properties.temporary() || !Files.exists(directory.resolve("PG_VERSION"));
            var stored = fresh ? Optional.<String>empty() : DatabasePassword.read(directory);
            var password = stored.orElseGet(DatabasePassword::generate);
            var durability = properties.durable() ? "on" : "off";
            var builder = EmbeddedPostgres.builder()
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
                    .setServerConfig("password_encryption", "scram-sha-256");
            properties.settings().forEach(builder::setServerConfig);
            if (fresh) {
                // initdb takes the password from a file and writes pg_hba.conf for SCRAM only:
                // the server never runs with trust, not even for its first seconds
                initialPassword = Files.createTempFile("opencxm-initdb", ".pw");
                Files.delete(initialPassword);
                DatabasePassword.write(initialPassword, password);
                builder.setLocaleConfig("auth", "scram-sha-256")
                        .setLocaleConfig("pwfile", initialPassword.toString())
                        .setDataDirectoryCustomizer(data -> keep(data.toPath(), password));
            }
            if (stored.isPresent() || fresh) {
                builder.setConnectConfig("password", password);
            }
            if (stored.isPresent()) {
                requireScram(directory);
            }
            var postgres = builder.start();
            if (!fresh && stored.isEmpty()) {
                requirePassword(postgres, directory, password);
            }
            createDatabaseIfMissing(postgres, password);
            log.info("Embedded PostgreSQL running on port {} with data in {}", postgres.getPort(), directory);
            return new EmbeddedPostgresServer(directory, postgres, password);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, e);
        } finally {
            if (initialPassword != null) {
                try {
                    Files.deleteIfExists(initialPassword);
                } catch (IOException e) {
                    log.warn("Could not delete the temporary password file {}", initialPassword);
                }
            }
        }
    }

    private static void keep(Path directory, String password) {
        try {
            DatabasePassword.write(directory.resolve(DatabasePassword.FILE), password);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the database password in " + directory, e);
        }
    }

    /**
     * A data directory from before passwords (its pg_hba.conf trusts every local connection): the
     * superuser gets the password, the password file is written, and authentication switches to
     * SCRAM-SHA-256 before the application opens its first connection.
     */
    private static void requirePassword(EmbeddedPostgres postgres, Path directory, String password) throws IOException {
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("alter role " + USER + " password '" + password + "'");
            keep(directory, password);
            Files.writeString(directory.resolve("pg_hba.conf"), SCRAM_ONLY, StandardCharsets.UTF_8);
            statement.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("Could not set the database password", e);
        }
        log.info(
                "Embedded PostgreSQL now requires its password (kept in {})", directory.resolve(DatabasePassword.FILE));
    }

    /**
     * The password is stored only after the role has it, and pg_hba.conf is rewritten after
     * that: a stop in between left a data directory that would trust local connections forever.
     * So whenever a password is stored, any line with another method than SCRAM is replaced
     * before the server starts.
     */
    private static void requireScram(Path directory) throws IOException {
        var hba = directory.resolve("pg_hba.conf");
        var other = Files.readAllLines(hba, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .anyMatch(line -> !line.endsWith("scram-sha-256"));
        if (other) {
            Files.writeString(hba, SCRAM_ONLY, StandardCharsets.UTF_8);
            log.warn("Embedded PostgreSQL allowed connections without the password; it requires it again");
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String password) throws IOException {
        try (var connection = postgres.getDatabase(USER, "postgres", Map.of("password", password))
                        .getConnection();
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
