package org.herald.rules.obligation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.herald.incident.Incident;
import org.herald.incident.IncidentRepository;
import org.herald.rules.ObligationStatus;
import org.herald.rules.ObligationView;
import org.herald.rules.engine.Evaluation;
import org.herald.rules.engine.Judgement;
import org.herald.security.ConsoleSession;
import org.herald.security.Role;
import org.herald.shared.problem.Problem;
import org.herald.shared.problem.ProblemException;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The console's obligations page of an incident: every obligation with its countdown, most urgent
 * first, overdue ones in red, due times in the viewer's zone and in UTC; the regimes' conclusions;
 * and forms to assess, to record a fulfilment (with an evidence file) and to waive.
 */
@Path("/console/incidents/{id}/obligations")
@Produces(MediaType.TEXT_HTML)
public class ObligationsPage {

    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Template page;
    private final IncidentRepository incidents;
    private final ObligationViews views;
    private final RuleAssessmentRepository assessments;
    private final AssessObligations assess;
    private final SettleObligation settle;
    private final ConsoleSession session;
    private final Clock clock;
    private final ObjectMapper json;

    ObligationsPage(@Location("rules/obligations.html") Template page, IncidentRepository incidents,
            ObligationViews views, RuleAssessmentRepository assessments, AssessObligations assess,
            SettleObligation settle, ConsoleSession session, Clock clock, ObjectMapper json) {
        this.page = page;
        this.incidents = incidents;
        this.views = views;
        this.assessments = assessments;
        this.assess = assess;
        this.settle = settle;
        this.session = session;
        this.clock = clock;
        this.json = json;
    }

    /** One obligation as the page shows it. */
    public record Row(ObligationView o, String dueUtc, String dueLocal, String countdown, boolean overdue,
            boolean open) {

        public String kindLabel() {
            return o.kind().name().charAt(0) + o.kind().name().substring(1).toLowerCase().replace('_', ' ');
        }
    }

    /** The latest assessment run, as the page names it. */
    public record LatestRun(int runNo, String assessedAt, String assessedBy) {
    }

    @GET
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
    @Transactional
    public TemplateInstance show(@PathParam("id") UUID id, @QueryParam("tz") String tz, @QueryParam("flash") String flash) {
        return render(id, tz, flash, null);
    }

    private TemplateInstance render(UUID id, String tz, String flash, Problem problem) {
        Incident incident = incidents.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("incident", id));
        ZoneId zone = zone(tz);
        Instant now = clock.instant();
        List<Row> rows = views.of(id, now).stream().map(v -> row(v, zone, now)).toList();
        List<Evaluation.RegimeOutcome> outcomes = assessments.latest(id).map(a -> read(a.outcome)).orElse(List.of());
        LatestRun latest = assessments.latest(id).map(a -> new LatestRun(a.runNo,
                SHOWN.format(a.assessedAt.atZone(ZoneOffset.UTC)) + " UTC", a.assessedBy)).orElse(null);
        return page.data("session", session)
                .data("incident", incident)
                .data("rows", rows)
                .data("overdue", rows.stream().filter(Row::overdue).count())
                .data("open", rows.stream().filter(Row::open).count())
                .data("outcomes", outcomes)
                .data("latest", latest)
                .data("zone", zone.getId())
                .data("flash", flash)
                .data("problem", problem);
    }

    private static Row row(ObligationView v, ZoneId zone, Instant now) {
        boolean open = v.status() == ObligationStatus.OPEN || v.status() == ObligationStatus.LATE;
        if (v.dueAt() == null) {
            return new Row(v, null, null, open ? v.dueBasis() : "", false, open);
        }
        String utc = SHOWN.format(v.dueAt().atZone(ZoneOffset.UTC)) + " UTC";
        String local = SHOWN.format(v.dueAt().atZone(zone)) + " " + zone.getId();
        boolean overdue = open && v.dueAt().isBefore(now);
        String countdown = !open ? "" : overdue ? "overdue by " + span(Duration.between(v.dueAt(), now))
                : "due in " + span(Duration.between(now, v.dueAt()));
        return new Row(v, utc, local, countdown, overdue, open);
    }

    static String span(Duration d) {
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        if (hours > 0) {
            return hours + " h " + minutes + " min";
        }
        return minutes + " min";
    }

    private static ZoneId zone(String tz) {
        if (tz == null || tz.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(tz.strip());
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private List<Evaluation.RegimeOutcome> read(String outcome) {
        try {
            return json.readValue(outcome, new TypeReference<List<Evaluation.RegimeOutcome>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored assessment outcome is unreadable", e);
        }
    }

    // ---- forms ---------------------------------------------------------------------------------

    @POST
    @Path("/assessment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME})
    public Response assess(@PathParam("id") UUID id, @RestForm String csrf, @RestForm String tz,
            @RestForm String riskLevel, @RestForm String determinedAt, @RestForm String assessedNotifiableAt,
            @RestForm String materialityDeterminedAt, @RestForm String ransomPaidAt, @RestForm String handlingClosedAt,
            @RestForm String harmEffectivelyAvoided, @RestForm String highRiskNoLongerLikely,
            @RestForm String lowProbabilityOfCompromise, @RestForm String confinedWithinOrganisation,
            @RestForm String noLikelyHarmAfterLawEnforcementConsultation, @RestForm String smallProcessingAgent,
            @RestForm String noticeCostUsd) {
        session.requireCsrf(csrf);
        List<Problem.FieldError> errors = new ArrayList<>();
        Long cost = null;
        if (noticeCostUsd != null && !noticeCostUsd.isBlank()) {
            try {
                cost = Long.parseLong(noticeCostUsd.strip());
            } catch (NumberFormatException e) {
                errors.add(new Problem.FieldError("noticeCostUsd", "must be a whole number of US dollars"));
            }
        }
        Judgement j = new Judgement(blank(riskLevel) ? null : riskLevel, time("determinedAt", determinedAt, errors),
                time("assessedNotifiableAt", assessedNotifiableAt, errors),
                time("materialityDeterminedAt", materialityDeterminedAt, errors),
                time("ransomPaidAt", ransomPaidAt, errors), time("handlingClosedAt", handlingClosedAt, errors),
                checked(harmEffectivelyAvoided), checked(highRiskNoLongerLikely), checked(lowProbabilityOfCompromise),
                checked(confinedWithinOrganisation), checked(noLikelyHarmAfterLawEnforcementConsultation),
                checked(smallProcessingAgent), cost);
        if (!errors.isEmpty()) {
            return Response.status(400).entity(render(id, tz, null, new ProblemException(400, "invalid",
                    "The assessment was not run", "Some values could not be read", errors).toProblem(null))).build();
        }
        try {
            AssessmentView v = assess.assess(id, j);
            return back(id, tz, "Assessment #" + v.runNo() + ": " + v.created() + " created, " + v.updated()
                    + " updated, " + v.unchanged() + " unchanged, " + v.withdrawn() + " withdrawn.");
        } catch (ProblemException e) {
            if (e.status() != 400) {
                throw e;
            }
            return Response.status(400).entity(render(id, tz, null, e.toProblem(null))).build();
        }
    }

    @POST
    @Path("/{obligationId}/fulfilment")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Role.PRIVACY_OFFICER_NAME)
    public Response fulfil(@PathParam("id") UUID id, @PathParam("obligationId") UUID obligationId,
            @RestForm String csrf, @RestForm String tz, @RestForm String fulfilledAt, @RestForm String reference,
            @RestForm String lateReason, @RestForm("evidence") FileUpload evidence) {
        session.requireCsrf(csrf);
        List<Problem.FieldError> errors = new ArrayList<>();
        Instant at = time("fulfilledAt", fulfilledAt, errors);
        String name = null;
        String type = null;
        String content = null;
        if (evidence != null && evidence.fileName() != null && !evidence.fileName().isBlank() && evidence.size() > 0) {
            if (evidence.size() > SettleObligation.MAX_EVIDENCE_BYTES) {
                errors.add(new Problem.FieldError("evidence", "must be at most 5 MB"));
            } else {
                try {
                    content = Base64.getEncoder().encodeToString(Files.readAllBytes(evidence.uploadedFile()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                name = evidence.fileName();
                type = evidence.contentType();
            }
        }
        if (!errors.isEmpty()) {
            return Response.status(400).entity(render(id, tz, null, new ProblemException(400, "invalid",
                    "The fulfilment was not recorded", "Some values could not be read", errors).toProblem(null))).build();
        }
        try {
            settle.fulfil(id, obligationId, new Fulfilment(at, reference, lateReason, name, type, content));
            return back(id, tz, "Fulfilment recorded.");
        } catch (ProblemException e) {
            if (e.status() != 400 && e.status() != 409) {
                throw e;
            }
            return Response.status(e.status()).entity(render(id, tz, null, e.toProblem(null))).build();
        }
    }

    @POST
    @Path("/{obligationId}/waiver")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.PRIVACY_OFFICER_NAME)
    public Response waive(@PathParam("id") UUID id, @PathParam("obligationId") UUID obligationId,
            @RestForm String csrf, @RestForm String tz, @RestForm String reason) {
        session.requireCsrf(csrf);
        try {
            settle.waive(id, obligationId, new Waiver(reason));
            return back(id, tz, "Obligation waived.");
        } catch (ProblemException e) {
            if (e.status() != 400 && e.status() != 409) {
                throw e;
            }
            return Response.status(e.status()).entity(render(id, tz, null, e.toProblem(null))).build();
        }
    }

    private static Response back(UUID id, String tz, String flash) {
        String q = "?flash=" + URLEncoder.encode(flash, StandardCharsets.UTF_8)
                + (blank(tz) ? "" : "&tz=" + URLEncoder.encode(tz, StandardCharsets.UTF_8));
        return Response.seeOther(URI.create("/console/incidents/" + id + "/obligations" + q)).build();
    }

    /** A time typed as UTC, "2026-03-14 09:30" or ISO-8601 with an offset; blank is null. */
    static Instant time(String field, String value, List<Problem.FieldError> errors) {
        if (blank(value)) {
            return null;
        }
        String v = value.strip();
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(v.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                errors.add(new Problem.FieldError(field, "is not a time: use UTC, e.g. 2026-03-14 09:30"));
                return null;
            }
        }
    }

    private static Boolean checked(String box) {
        return box != null && !box.isBlank() ? Boolean.TRUE : null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static Map<String, String> riskLevels() {
        return Map.of("unlikely", "Unlikely to result in a risk", "risk", "A risk", "high", "A high risk");
    }
}
