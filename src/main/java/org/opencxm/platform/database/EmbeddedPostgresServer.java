package org.opencxm.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL per data directory and JVM: application contexts that come and go
 * (as in tests) share it, and a shutdown hook stops it when the JVM ends.
 */
final class EmbeddedPostgresServer {

    static final String USER = "postgres";
    static final String DATABASE = "opencxm";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<Path, EmbeddedPostgresServer> RUNNING = new ConcurrentHashMap<>();
    private static final Path TEMPORARY_DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"))
            .resolve("opencxm-" + ProcessHandle.current().pid());

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer forDirectory(EmbeddedDatabaseProperties properties) {
        var directory = properties.temporary()
                ? TEMPORARY_DIRECTORY
                : properties.dataDir().toAbsolutePath().normalize();
        return RUNNING.computeIfAbsent(directory, dir -> start(dir, properties));
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    private static EmbeddedPostgresServer start(Path directory, EmbeddedDatabaseProperties properties) {
        try {
            Files.createDirectories(directory);
            new StalePostmaster(directory).stopIfOrphaned();
            var durability = properties.durable() ? "on" : "off";
            var postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(properties.temporary())
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
            return new EmbeddedPostgresServer(postgres);
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
