package org.opencxm.customers;

import org.opencxm.platform.WorkspaceId;

/** Two profiles turned out to be one person: everything of {@code merged} now belongs to {@code survivor}. */
public record CustomersMerged(WorkspaceId workspaceId, CustomerId merged, CustomerId survivor) {}
