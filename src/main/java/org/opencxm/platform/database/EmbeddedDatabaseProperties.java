package org.opencxm.platform.database;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dataDir where the embedded PostgreSQL keeps its data, across restarts
 * @param port fixed port, or 0 for any free one
 * @param durable whether commits wait for the disk (fsync); only tests turn this off
 * @param temporary a fresh data directory, deleted when the JVM ends (tests)
 * @param settings further server settings, such as {@code shared_buffers} or {@code max_wal_size},
 *     for an installation that wants the embedded server sized for its machine; applied at each
 *     start. Durability, authentication and the listening address are not among them.
 */
@ConfigurationProperties("opencxm.db.embedded")
public record EmbeddedDatabaseProperties(
        Path dataDir,
        int port,
        boolean durable,
        boolean temporary,
        @Nullable Map<String, String> settings) {

    /** Settings that stay as OpenCXM sets them: commits reach the disk, and only local, password-checked connections. */
    static final Set<String> FIXED = Set.of(
            "fsync",
            "synchronous_commit",
            "full_page_writes",
            "listen_addresses",
            "password_encryption",
            "hba_file",
            "port",
            "data_directory");

    public EmbeddedDatabaseProperties {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        for (var name : settings.keySet()) {
            if (FIXED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("opencxm.db.embedded.settings." + name
                        + " cannot be changed: OpenCXM keeps it as it is for durability and security");
            }
        }
    }
}
