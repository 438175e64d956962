package org.opencxm.platform;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

public record Workspace(WorkspaceId id, String name, Locale defaultLocale, ZoneId timeZone, Instant createdAt) {}
