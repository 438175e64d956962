package org.opencxm.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL lets in only who knows its password, which only the data directory's
 * owner can read: a fresh directory is initialized so, and one from before passwords is
 * converted on its next start. Against a real PostgreSQL, by JDBC as any local user would try.
 */
class EmbeddedDatabasePasswordTests {

    @TempDir
    Path parent;

    @Test
    void aFreshDataDirectoryRequiresTheGeneratedPasswordFromTheStart() throws Exception {
        var directory = parent.resolve("fresh");

        assertLetsInOnlyWithThePassword(directory);
        assertThat(Files.readString(directory.resolve("pg_hba.conf")))
                .contains("scram-sha-256")
                .doesNotContainPattern("(?m)^[^#].*\\btrust\\b");
    }

    @Test
    void aDataDirectoryThatTrustedEveryoneIsConvertedOnItsNextStart() throws Exception {
        var directory = parent.resolve("legacy");
        try (var legacy = EmbeddedPostgres.builder().setDataDirectory(directory).start()) {
            try (var anyone = DriverManager.getConnection(legacy.getJdbcUrl("postgres", "postgres"))) {
                assertThat(anyone.isValid(1)).as("initdb's default: trust").isTrue();
            }
        }

        assertLetsInOnlyWithThePassword(directory);
    }

    /** A stop between storing the password and rewriting pg_hba.conf must not leave trust behind. */
    @Test
    void aStoredPasswordAlwaysComesWithScramOnly() throws Exception {
        var directory = parent.resolve("interrupted");
        assertLetsInOnlyWithThePassword(directory);
        Files.writeString(
                directory.resolve("pg_hba.conf"),
                "local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n");

        assertLetsInOnlyWithThePassword(directory);
        assertThat(Files.readString(directory.resolve("pg_hba.conf"))).doesNotContainPattern("(?m)^[^#].*\\btrust\\b");
    }

    private static void assertLetsInOnlyWithThePassword(Path directory) throws Exception {
        var properties = new EmbeddedDatabaseProperties(directory, 0, false, false, null);
        try (var dataSource = EmbeddedPostgresServer.forDirectory(properties).newDataSource()) {
            try (var connection = dataSource.getConnection()) {
                assertThat(connection.isValid(1)).isTrue();
            }
            var port = dataSource.getJdbcUrl().replaceAll(".*localhost:(\\d+)/.*", "$1");
            assertThatThrownBy(() -> DriverManager.getConnection(
                                    "jdbc:postgresql://localhost:" + port + "/opencxm?user=postgres")
                            .close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
            assertThatThrownBy(() -> DriverManager.getConnection(
                                    "jdbc:postgresql://localhost:" + port + "/opencxm", "postgres", "guessed")
                            .close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            var file = directory.resolve(DatabasePassword.FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            assertThat(DatabasePassword.read(directory)).get().asString().hasSizeGreaterThanOrEqualTo(32);
        }
    }
}
