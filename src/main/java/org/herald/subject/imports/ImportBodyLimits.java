package org.herald.subject.imports;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.herald.shared.problem.Problem;

/**
 * Request body limits per path. Quarkus has one limit for all paths
 * ({@code quarkus.http.limits.max-body-size}); Herald raises it to the import limit, and this
 * handler — which runs right after Quarkus's own check — puts the small general limit
 * ({@code herald.http.max-body-size}, 2M) back on every path except the endpoints that stream a
 * large upload to disk: subject imports and affected-subject lists.
 */
@ApplicationScoped
public class ImportBodyLimits {

    /** Quarkus stores the limit for bodies without Content-Length here; its body readers enforce it. */
    static final String MAX_REQUEST_SIZE_KEY = "io.quarkus.max-request-size";
    /** Quarkus checks the global limit at order -2; this runs next, before any body is read. */
    static final int ORDER = -1;
    private static final Pattern STREAMED_UPLOADS = Pattern.compile(
            "/(api|console)/subjects/imports/?|/api/incidents/[^/]+/affected/?");

    private final long generalLimit;

    ImportBodyLimits(@ConfigProperty(name = "herald.http.max-body-size", defaultValue = "2M") MemorySize generalLimit) {
        this.generalLimit = generalLimit.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::limit);
    }

    static boolean isStreamedUpload(HttpMethod method, String path) {
        return method == HttpMethod.POST && path != null && STREAMED_UPLOADS.matcher(path).matches();
    }

    private void limit(RoutingContext ctx) {
        if (isStreamedUpload(ctx.request().method(), ctx.normalizedPath())) {
            ctx.next();
            return;
        }
        String length = ctx.request().getHeader("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                declared = Long.MAX_VALUE;
            }
            if (declared > generalLimit) {
                ctx.response().putHeader("Connection", "close").setStatusCode(413)
                        .putHeader("Content-Type", "application/problem+json")
                        .end("{\"type\":\"" + Problem.type("request-entity-too-large") + "\","
                                + "\"title\":\"Request Entity Too Large\",\"status\":413,"
                                + "\"detail\":\"The request body is too large\"}");
                return;
            }
        } else {
            ctx.put(MAX_REQUEST_SIZE_KEY, generalLimit);
        }
        ctx.next();
    }
}
