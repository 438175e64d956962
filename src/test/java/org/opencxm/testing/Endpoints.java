package org.opencxm.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.opencxm.platform.PublicEndpoint;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Every endpoint of OpenCXM that Spring MVC knows, one per method and path, with its handler. */
public final class Endpoints {

    private Endpoints() {}

    /** An HTTP method on a path pattern, and the handler method that answers it. */
    public record Endpoint(RequestMethod method, String path, HandlerMethod handler) {

        public boolean isApi() {
            return path.startsWith("/api/") || path.startsWith("/v1/");
        }

        public boolean isPublic() {
            return AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PublicEndpoint.class)
                    || handler.hasMethodAnnotation(PublicEndpoint.class);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    public static List<Endpoint> of(RequestMappingHandlerMapping mappings) {
        var endpoints = new ArrayList<Endpoint>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("org.opencxm")) {
                return;
            }
            var methods = info.getMethodsCondition().getMethods();
            for (var path : info.getPatternValues()) {
                for (var method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    endpoints.add(new Endpoint(method, path, handler));
                }
            }
        });
        return endpoints;
    }
}
