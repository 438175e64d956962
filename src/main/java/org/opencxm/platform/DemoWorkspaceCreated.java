package org.opencxm.platform;

/** The demo workspace and its users exist; modules add their demo data to it. */
public record DemoWorkspaceCreated(WorkspaceId workspaceId) {}
