package org.opencxm.touchpoints;

import java.util.List;
import org.opencxm.platform.WorkspaceId;

/**
 * A batch of new events was stored. Carries the identities they revealed, reduced to what
 * profiles need: every identify and alias, and one observation per distinct pair of ids for
 * the rest. Retried messages that were already stored are not in it.
 */
public record InteractionsRecorded(WorkspaceId workspaceId, List<IdentityObservation> observations) {}
