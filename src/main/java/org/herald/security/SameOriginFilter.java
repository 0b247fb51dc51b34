package org.herald.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Set;
import org.herald.shared.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Defence in depth for the console: a state-changing request that a browser marks as coming from
 * another site is refused before any resource sees it, whatever the form token says.
 */
public class SameOriginFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter
    public Response refuseCrossSite(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod()) || !request.getUriInfo().getPath().startsWith("/console")) {
            return null;
        }
        String fetchSite = request.getHeaderString("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            return refused();
        }
        String origin = request.getHeaderString("Origin");
        if (origin != null && !origin.equals("null")) {
            URI self = request.getUriInfo().getBaseUri();
            URI from = URI.create(origin);
            if (!from.getHost().equalsIgnoreCase(self.getHost()) || port(from) != port(self)) {
                return refused();
            }
        }
        return null;
    }

    private static int port(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return "https".equals(uri.getScheme()) ? 443 : 80;
    }

    private static Response refused() {
        return Response.status(403).type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.type("cross-site"), "Forbidden", 403,
                        "Cross-site requests cannot change anything in Herald", null, java.util.List.of()))
                .build();
    }
}
