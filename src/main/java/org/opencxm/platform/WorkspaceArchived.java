package org.opencxm.platform;

/** An installation admin archived the workspace: modules stop what runs on its own there (scheduled e-mails, triggers). */
public record WorkspaceArchived(WorkspaceId workspaceId) {}
