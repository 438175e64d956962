package org.opencxm.platform.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dataDir where the embedded PostgreSQL keeps its data, across restarts
 * @param port fixed port, or 0 for any free one
 * @param durable whether commits wait for the disk (fsync); only tests turn this off
 * @param temporary a fresh data directory, deleted when the JVM ends (tests)
 */
@ConfigurationProperties("opencxm.db.embedded")
public record EmbeddedDatabaseProperties(Path dataDir, int port, boolean durable, boolean temporary) {}
