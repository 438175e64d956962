package org.opencxm.journeys.internal;

import java.util.List;

/**
 * The paths found: how many customers did the target in the period, their most frequent paths
 * with counts and shares, and the links of the Sankey between steps at neighbouring positions.
 */
public record PathResult(PathQuery query, long customers, List<TopPath> top, List<Link> links) {

    /** A whole path (oldest step first) and how many customers took exactly it. */
    public record TopPath(List<String> steps, long customers, double share) {}

    /**
     * A step at a position: negative before the target, 0 the target, positive after it.
     *
     * @param label an event name or touchpoint id; empty for the steps too rare to name ("other")
     */
    public record Node(int position, String label) {

        public String key() {
            return position + ":" + label;
        }
    }

    public record Link(Node from, Node to, long customers) {}
}
