package org.herald.incident;

import io.quarkus.qute.Location;
import io.quarkus.qute.RawString;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.herald.security.ConsoleSession;
import org.herald.security.Role;
import org.herald.shared.Page;
import org.herald.shared.problem.Problem;
import org.herald.shared.problem.Problem.FieldError;
import org.herald.shared.problem.ProblemException;

/**
 * The console's incident pages: the list with filters, the create and edit form, and the detail
 * page with lifecycle buttons, timeline and notes. Plain HTML forms; every post carries the CSRF token.
 */
@Path("/console/incidents")
@Produces(MediaType.TEXT_HTML)
public class IncidentPages {

    private final Template list;
    private final Template form;
    private final Template detail;
    private final IncidentService service;
    private final IncidentValidation validation;
    private final ConsoleSession session;
    private final Instance<IncidentSection> sections;

    IncidentPages(@Location("incident/list.html") Template list, @Location("incident/form.html") Template form,
            @Location("incident/detail.html") Template detail, IncidentService service, IncidentValidation validation,
            ConsoleSession session, @Any Instance<IncidentSection> sections) {
        this.sections = sections;
        this.list = list;
        this.form = form;
        this.detail = detail;
        this.service = service;
        this.validation = validation;
        this.session = session;
    }

    /** One lifecycle button and what still stands in its way. */
    public record MoveView(Lifecycle.Move move, List<FieldError> missing) {
    }

    // ---- list --------------------------------------------------------------------------------

    @GET
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("severity") String severity,
            @QueryParam("q") String q, @QueryParam("page") Integer page) {
        IncidentStatus st = parse(IncidentStatus.class, status);
        Severity sv = parse(Severity.class, severity);
        Page<IncidentSummary> found = service.list(new IncidentRepository.Filter(
                st == null ? Set.of() : EnumSet.of(st), sv == null ? Set.of() : EnumSet.of(sv), q, null, null), page, 50);
        long pages = Math.max(1, (found.total() + found.size() - 1) / found.size());
        String filters = "status=" + enc(st == null ? "" : st.name()) + "&severity=" + enc(sv == null ? "" : sv.name())
                + "&q=" + enc(q == null ? "" : q);
        return list.data("session", session)
                .data("result", found)
                .data("statuses", IncidentStatus.values())
                .data("severities", Severity.values())
                .data("status", st == null ? "" : st.name())
                .data("severity", sv == null ? "" : sv.name())
                .data("q", q == null ? "" : q)
                .data("pages", pages)
                .data("prev", found.page() > 0 ? "/console/incidents?" + filters + "&page=" + (found.page() - 1) : null)
                .data("next", found.page() + 1 < pages ? "/console/incidents?" + filters + "&page=" + (found.page() + 1) : null)
                .data("filtered", st != null || sv != null || (q != null && !q.isBlank()));
    }

    // ---- create and edit ---------------------------------------------------------------------

    @GET
    @Path("/new")
    @RolesAllowed(Role.ANALYST_NAME)
    public TemplateInstance newIncident() {
        return formPage(IncidentFormPage.empty(), null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.ANALYST_NAME)
    public Response create(MultivaluedMap<String, String> params) {
        session.requireCsrf(params.getFirst("csrf"));
        IncidentFormPage.Submitted read = IncidentFormPage.read(params);
        IncidentFormPage.Submitted submitted = new IncidentFormPage.Submitted(read.page(), read.form().withDefaults());
        List<FieldError> errors = checked(submitted);
        if (errors.isEmpty() && !submitted.page().hasErrors()) {
            try {
                IncidentView created = service.create(submitted.form());
                return Response.seeOther(URI.create("/console/incidents/" + created.id() + "?created=true")).build();
            } catch (ProblemException e) {
                errors = errorsOf(e);
            }
        }
        return Response.status(400).entity(formPage(submitted.page().withErrors(errors), null, null)).build();
    }

    @GET
    @Path("/{id}/edit")
    @RolesAllowed(Role.ANALYST_NAME)
    public Response edit(@PathParam("id") UUID id) {
        Incident incident = service.find(id);
        if (!incident.isEditable()) {
            return Response.seeOther(URI.create("/console/incidents/" + id)).build();
        }
        IncidentView view = service.viewOf(incident);
        return Response.ok(formPage(IncidentFormPage.of(incident).offering(view.requiredLocales()), view, null)).build();
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.ANALYST_NAME)
    public Response update(@PathParam("id") UUID id, MultivaluedMap<String, String> params) {
        session.requireCsrf(params.getFirst("csrf"));
        IncidentFormPage.Submitted submitted = IncidentFormPage.read(params);
        long version;
        try {
            version = Long.parseLong(params.getFirst("version"));
        } catch (NumberFormatException | NullPointerException e) {
            throw IncidentJson.invalid("version", "the form lost its version; open the incident again");
        }
        List<FieldError> errors = checked(submitted);
        if (errors.isEmpty() && !submitted.page().hasErrors()) {
            try {
                service.replace(id, submitted.form(), version);
                return Response.seeOther(URI.create("/console/incidents/" + id + "?saved=true")).build();
            } catch (ProblemException e) {
                if (e.status() == 412) {
                    // Someone saved meanwhile: keep everything typed, say so, and base a second save on their version.
                    IncidentView current = service.view(id);
                    return Response.status(409).entity(formPage(submitted.page(), current, current)).build();
                }
                if (e.status() != 400) {
                    throw e;
                }
                errors = errorsOf(e);
            }
        }
        IncidentView current = service.view(id);
        return Response.status(400).entity(formPage(submitted.page().withErrors(errors), withVersion(current, version),
                null)).build();
    }

    /** Every problem at once: inputs that could not be read (already on the page) and what the service would refuse. */
    private List<FieldError> checked(IncidentFormPage.Submitted submitted) {
        return validation.check(submitted.form());
    }

    private TemplateInstance formPage(IncidentFormPage page, IncidentView incident, IncidentView conflict) {
        return form.data("session", session)
                .data("form", page)
                .data("incident", incident)
                .data("conflict", conflict)
                .data("severities", Severity.values())
                .data("breachTypes", BreachType.values())
                .data("causeFamilies", CauseFamily.values())
                .data("discoveryMethods", DiscoveryMethod.values())
                .data("categories", DataCategory.values())
                .data("encryptionStates", EncryptionState.values())
                .data("exfiltrations", Exfiltration.values())
                .data("roles", OrganisationRole.values())
                .data("orgFlags", IncidentFormPage.ORG_FLAGS)
                .data("configured", service.configuredOrganisation());
    }

    /** The incident as it stood when the analyst opened the form (its version goes back into the form). */
    private static IncidentView withVersion(IncidentView v, long version) {
        return new IncidentView(v.id(), v.reference(), v.title(), v.severity(), v.status(), v.breachTypes(),
                v.causeFamily(), v.discoveryMethod(), v.discoveryNotes(), v.occurredFrom(), v.occurredFromPrecision(),
                v.occurredTo(), v.occurredToPrecision(), v.detectedAt(), v.awareAt(), v.containedAt(), v.systems(),
                v.dataCategories(), v.encryption(), v.exfiltration(), v.estimatedSubjects(), v.estimatedRecords(),
                v.content(), v.organisation(), v.effectiveOrganisation(), v.requiredLocales(), v.missingContent(),
                v.nextStatuses(), v.createdBy(), v.createdAt(), v.updatedAt(), v.statusChangedAt(), version);
    }

    // ---- detail, lifecycle, notes ------------------------------------------------------------

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
    public TemplateInstance show(@PathParam("id") UUID id, @QueryParam("created") boolean created,
            @QueryParam("saved") boolean saved, @QueryParam("moved") boolean moved, @QueryParam("noted") boolean noted) {
        String flash = created ? "Incident recorded." : saved ? "Changes saved." : moved ? "Status changed."
                : noted ? "Note added." : null;
        return detailPage(id, flash, null, Map.of(), Map.of());
    }

    @POST
    @Path("/{id}/transitions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME})
    public Response transition(@PathParam("id") UUID id, MultivaluedMap<String, String> params) {
        session.requireCsrf(params.getFirst("csrf"));
        IncidentStatus to = parse(IncidentStatus.class, params.getFirst("to"));
        try {
            service.transition(id, to, params.getFirst("reason"), null);
            return Response.seeOther(URI.create("/console/incidents/" + id + "?moved=true")).build();
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            Problem p = e.toProblem(null);
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("to", to == null ? "" : to.name());
            typed.put("reason", params.getFirst("reason") == null ? "" : params.getFirst("reason"));
            return Response.status(e.status()).entity(detailPage(id, null, p, Map.of(), typed)).build();
        }
    }

    @POST
    @Path("/{id}/notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME})
    public Response addNote(@PathParam("id") UUID id, MultivaluedMap<String, String> params) {
        session.requireCsrf(params.getFirst("csrf"));
        String text = params.getFirst("text");
        String when = params.getFirst("occurredAt");
        Map<String, String> errors = new LinkedHashMap<>();
        Instant occurredAt = null;
        if (when != null && !when.isBlank()) {
            try {
                occurredAt = IncidentFormPage.parseExact(when);
            } catch (DateTimeParseException e) {
                errors.put("note.occurredAt", "enter a date and time in UTC, like 2026-03-14 09:30");
            }
        }
        if (errors.isEmpty()) {
            try {
                service.addNote(id, new NoteForm(text, occurredAt));
                return Response.seeOther(URI.create("/console/incidents/" + id + "?noted=true#timeline")).build();
            } catch (ProblemException e) {
                if (e.status() != 400) {
                    throw e;
                }
                errorsOf(e).forEach(f -> errors.put("note." + f.field(), f.message()));
            }
        }
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("note.text", text == null ? "" : text);
        typed.put("note.occurredAt", when == null ? "" : when);
        errors.forEach((k, v) -> typed.put(k + ".error", v));
        return Response.status(400).entity(detailPage(id, null, null, errors, typed)).build();
    }

    private TemplateInstance detailPage(UUID id, String flash, Problem refused, Map<String, String> noteErrors,
            Map<String, String> typed) {
        Incident incident = service.find(id);
        IncidentView view = service.viewOf(incident);
        List<MoveView> moves = new ArrayList<>();
        for (Lifecycle.Move m : service.movesFor(incident)) {
            moves.add(new MoveView(m, m.isReopen() ? List.of() : service.refusals(incident, m.to())));
        }
        return detail.data("session", session)
                .data("i", view)
                .data("editable", incident.isEditable())
                .data("moves", moves)
                .data("timeline", service.timeline(id))
                .data("flash", flash)
                .data("refused", refused)
                .data("noteErrors", noteErrors)
                .data("typed", typed)
                .data("elements", IncidentContent.ELEMENTS)
                .data("sections", sectionsOf(incident));
    }

    /** The HTML of the sections later features add, in their order. */
    private List<RawString> sectionsOf(Incident incident) {
        return sections.stream()
                .sorted(java.util.Comparator.comparingInt(IncidentSection::order))
                .map(s -> s.render(incident, session))
                .flatMap(java.util.Optional::stream)
                .map(RawString::new)
                .toList();
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static List<FieldError> errorsOf(ProblemException e) {
        Problem p = e.toProblem(null);
        return p.errors() == null || p.errors().isEmpty() ? List.of(new FieldError("title", p.detail())) : p.errors();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
