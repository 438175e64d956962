package org.opencxm.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An installation may size the embedded PostgreSQL for its machine, but never trade away
 * durability or the password check for speed.
 */
class EmbeddedDatabaseSettingsTests {

    @TempDir
    Path directory;

    @Test
    void furtherSettingsApplyAtStart() throws Exception {
        var properties = new EmbeddedDatabaseProperties(
                directory, 0, false, false, Map.of("work_mem", "12MB", "max_wal_size", "2GB"));
        try (var dataSource = EmbeddedPostgresServer.forDirectory(properties).newDataSource();
                var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var result =
                        statement.executeQuery("select current_setting('work_mem'), current_setting('max_wal_size')")) {
            result.next();
            assertThat(result.getString(1)).isEqualTo("12MB");
            assertThat(result.getString(2)).isEqualTo("2GB");
        }
    }

    @Test
    void durabilityAndAuthenticationCannotBeChanged() {
        for (var fixed :
                new String[] {"fsync", "synchronous_commit", "Full_Page_Writes", "listen_addresses", "hba_file"}) {
            assertThatThrownBy(() -> new EmbeddedDatabaseProperties(directory, 0, true, false, Map.of(fixed, "off")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("opencxm.db.embedded.settings." + fixed);
        }
    }
}
