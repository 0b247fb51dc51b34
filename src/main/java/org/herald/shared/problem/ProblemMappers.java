package org.herald.shared.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become HTTP answers: problem+json everywhere under /api, never a
 * class name or a stack trace. The console's pages get a redirect to the login page instead of a
 * 401, and the same problem body otherwise.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(FieldPaths.of(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(new Problem(Problem.type("validation"), "Invalid request", 400, detail, path(uri), errors));
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = FieldPaths.of(e);
        return respond(new Problem(Problem.type("validation"), "Invalid request", 400,
                field + ": unknown field", path(uri), List.of(new Problem.FieldError(field, "unknown field"))));
    }

    @ServerExceptionMapper
    public Response badValue(InvalidFormatException e, UriInfo uri) {
        String field = FieldPaths.of(e);
        String expected = e.getTargetType() == null ? "another value"
                : e.getTargetType().isEnum() ? "one of " + List.of(e.getTargetType().getEnumConstants())
                : "a value of type " + e.getTargetType().getSimpleName();
        String message = "cannot read '" + e.getValue() + "': expected " + expected;
        return respond(new Problem(Problem.type("validation"), "Invalid request", 400, field + ": " + message,
                path(uri), List.of(new Problem.FieldError(field, message))));
    }

    @ServerExceptionMapper
    public Response wrongShape(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonMappingException e, UriInfo uri) {
        String field = FieldPaths.of(e);
        String message = e instanceof MismatchedInputException m && m.getTargetType() != null
                ? "expected " + describe(m.getTargetType()) : "cannot be read as sent";
        return respond(new Problem(Problem.type("validation"), "Invalid request", 400,
                (field.isEmpty() ? "body" : field) + ": " + message, path(uri),
                List.of(new Problem.FieldError(field.isEmpty() ? "body" : field, message))));
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e, UriInfo uri) {
        String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return respond(new Problem(Problem.type("malformed-json"), "Malformed JSON", 400,
                "The body is not valid JSON" + at, path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response staleWrite(OptimisticLockException e, UriInfo uri) {
        return respond(new Problem(Problem.type("conflict"), "Conflict", 409,
                "Someone else changed this record meanwhile; reload it and apply your change again", path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response badCredentials(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(Problem.type("forbidden"), "Forbidden", 403,
                "Your role does not allow this", path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        // Quarkus REST wraps body-reading failures; answer them as what they are.
        if (e.getCause() instanceof UnrecognizedPropertyException c) {
            return unknownField(c, uri);
        }
        if (e.getCause() instanceof InvalidFormatException c) {
            return badValue(c, uri);
        }
        if (e.getCause() instanceof JsonMappingException c) {
            return unreadable(c, uri);
        }
        if (e.getCause() instanceof JsonProcessingException c) {
            return malformed(c, uri);
        }
        int status = e.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No resource at this path";
            case 405 -> "This method is not allowed here";
            case 406 -> "No representation matches the Accept header";
            case 413 -> "The request body is too large";
            case 415 -> "This media type is not accepted here";
            default -> title;
        };
        return respond(new Problem(Problem.type(slug(title)), title, status, detail, path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        // The identifier lets an operator find the stack trace without handing it to the client.
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unhandled error %s on %s", errorId, path(uri));
        return respond(new Problem(Problem.type("internal"), "Internal error", 500,
                "Herald could not complete this request (error id " + errorId + ")", path(uri), List.of()));
    }

    private static Response unauthenticated(UriInfo uri) {
        String path = path(uri);
        if (path.equals("/j_security_check")) {
            return Response.status(302).location(URI.create("/console/login?error=true")).build();
        }
        if (path.startsWith("/console")) {
            return Response.seeOther(URI.create("/console/login")).build();
        }
        return Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Herald\"")
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.type("unauthenticated"), "Unauthenticated", 401,
                        "Sign in to use this resource", path, List.of()))
                .build();
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    private static String describe(Class<?> type) {
        if (type.isRecord() || java.util.Map.class.isAssignableFrom(type)) {
            return "a JSON object";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        return "a value of type " + type.getSimpleName();
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
