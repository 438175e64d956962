package org.opencxm.platform;

/** A new workspace exists; modules may seed their defaults for it. */
public record WorkspaceCreated(WorkspaceId workspaceId, String name) {}
