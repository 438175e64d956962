package org.opencxm.touchpoints.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.opencxm.platform.PublicEndpoint;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The collection API, compatible with the Segment HTTP Tracking API: existing Segment and
 * RudderStack clients only change the endpoint. {@link CollectionRequests} serves these
 * requests before they reach the filter chains and MVC; these mappings describe the API (for
 * the OpenAPI document and the endpoint checks) and serve whatever reaches MVC by another way,
 * through the same {@link CollectionEndpoint}. Authenticated by write key (not by session or
 * token), hence a public endpoint for the web security.
 */
@RestController
@PublicEndpoint
class CollectionController {

    private final CollectionEndpoint endpoint;

    CollectionController(CollectionEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @PostMapping(
            path = "/v1/{type:track|identify|page|screen|group|alias|t|i|p|s|g|a}",
            produces = MediaType.APPLICATION_JSON_VALUE)
    void single(@PathVariable String type, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        serve(request, response);
    }

    @PostMapping(
            path = {"/v1/batch", "/v1/import", "/v1/b"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    void batch(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response);
    }

    private void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var route = CollectionEndpoint.route(request.getRequestURI()).orElseThrow();
        endpoint.serve(route, request, response, CollectionRequests.receivedAt(request, endpoint));
    }
}
