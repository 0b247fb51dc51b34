package org.herald.incident;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.herald.security.Role;
import org.herald.shared.Page;
import org.herald.shared.problem.Problem.FieldError;
import org.herald.shared.problem.ProblemException;

/**
 * The incident API: record, list, read, edit (JSON merge patch with {@code If-Match}), move through
 * the lifecycle, and keep the timeline.
 */
@Path("/api/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final IncidentService service;
    private final IncidentJson json;

    IncidentResource(IncidentService service, IncidentJson json) {
        this.service = service;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ANALYST_NAME)
    @RequestBody(content = @Content(schema = @Schema(implementation = IncidentForm.class)))
    public Response create(JsonNode body) {
        IncidentView created = service.create(json.read(body));
        return Response.created(URI.create("/api/incidents/" + created.id())).tag(etag(created)).entity(created).build();
    }

    @GET
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
    public Page<IncidentSummary> list(@QueryParam("status") List<String> status,
            @QueryParam("severity") List<String> severity, @QueryParam("q") String q,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        List<FieldError> errors = new ArrayList<>();
        Set<IncidentStatus> statuses = enums(IncidentStatus.class, "status", status, errors);
        Set<Severity> severities = enums(Severity.class, "severity", severity, errors);
        Instant fromAt = time("from", from, false, errors);
        Instant toAt = time("to", to, true, errors);
        if (!errors.isEmpty()) {
            throw IncidentJson.invalid(errors);
        }
        return service.list(new IncidentRepository.Filter(statuses, severities, q, fromAt, toAt), page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
    public Response get(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        IncidentView view = service.view(id);
        EntityTag tag = etag(view);
        if (ifNoneMatch != null && matches(ifNoneMatch, view.version())) {
            return Response.notModified(tag).build();
        }
        return Response.ok(view).tag(tag).build();
    }

    /**
     * Edits the incident with a JSON merge patch: members present replace, {@code null} clears,
     * nested objects (content per locale, organisation) merge. Requires {@code If-Match} with the
     * ETag read, so that two analysts editing at once cannot overwrite each other.
     */
    @PATCH
    @Path("/{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @RolesAllowed(Role.ANALYST_NAME)
    @RequestBody(content = @Content(schema = @Schema(implementation = IncidentForm.class)))
    public Response patch(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode patch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required", "Precondition required",
                    "Send If-Match with the ETag from GET /api/incidents/" + id
                            + ", so that concurrent edits cannot overwrite each other",
                    List.of(new FieldError(HttpHeaders.IF_MATCH, "is required")));
        }
        long expected = versionOf(ifMatch, HttpHeaders.IF_MATCH);
        IncidentView view = service.patch(id, patch, expected);
        return Response.ok(view).tag(etag(view)).build();
    }

    @POST
    @Path("/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME})
    public Response transition(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            TransitionRequest request) {
        if (request == null) {
            throw IncidentJson.invalid("to", "is required");
        }
        Long expected = ifMatch == null || ifMatch.isBlank() ? null : versionOf(ifMatch, HttpHeaders.IF_MATCH);
        IncidentView view = service.transition(id, request.to(), request.reason(), expected);
        return Response.ok(view).tag(etag(view)).build();
    }

    @POST
    @Path("/{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME})
    public Response addNote(@PathParam("id") UUID id, NoteForm form) {
        NoteView note = service.addNote(id, form);
        return Response.created(URI.create("/api/incidents/" + id + "/notes/" + note.id())).entity(note).build();
    }

    @GET
    @Path("/{id}/notes")
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
    public List<NoteView> notes(@PathParam("id") UUID id) {
        return service.notes(id);
    }

    @GET
    @Path("/{id}/timeline")
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
    public List<TimelineEntry> timeline(@PathParam("id") UUID id) {
        return service.timeline(id);
    }

    static EntityTag etag(IncidentView view) {
        return new EntityTag(String.valueOf(view.version()));
    }

    /** Whether an {@code If-None-Match} list names this version; what cannot be read does not match. */
    static boolean matches(String ifNoneMatch, long version) {
        for (String tag : ifNoneMatch.split(",")) {
            try {
                if (versionOf(tag, HttpHeaders.IF_NONE_MATCH) == version) {
                    return true;
                }
            } catch (ProblemException unreadable) {
                // not one of ours
            }
        }
        return false;
    }

    /** Reads {@code "3"}, {@code W/"3"} or {@code 3}. */
    static long versionOf(String header, String name) {
        String v = header.strip();
        if (v.equals("*")) {
            throw IncidentJson.invalid(name, "must be the ETag you read, e.g. \"3\": * would overwrite changes you have not seen");
        }
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw IncidentJson.invalid(name, "must be the ETag from GET /api/incidents/{id}, e.g. \"3\"");
        }
    }

    private static <E extends Enum<E>> Set<E> enums(Class<E> type, String field, List<String> values,
            List<FieldError> errors) {
        Set<E> result = EnumSet.noneOf(type);
        if (values == null) {
            return result;
        }
        for (String value : values) {
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    result.add(Enum.valueOf(type, part.strip().toUpperCase()));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError(field, "cannot read '" + part.strip() + "': expected one of "
                            + List.of(type.getEnumConstants())));
                }
            }
        }
        return result;
    }

    /** A date (whole days, UTC; {@code to} is inclusive) or a time with offset. */
    static Instant time(String field, String value, boolean endOfDay, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value.strip());
            return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notADate) {
            try {
                return OffsetDateTime.parse(value.strip()).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(field, "expected a date (2026-03-14) or a time with offset (2026-03-14T09:30:00Z)"));
                return null;
            }
        }
    }
}
