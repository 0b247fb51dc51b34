package org.herald.rules.obligation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.herald.audit.AuditLog;
import org.herald.incident.Incident;
import org.herald.incident.IncidentRepository;
import org.herald.incident.IncidentService;
import org.herald.rules.ObligationKind;
import org.herald.rules.ObligationStatus;
import org.herald.rules.engine.AssessmentFacts;
import org.herald.rules.engine.Evaluation;
import org.herald.rules.engine.Judgement;
import org.herald.rules.engine.ObligationDraft;
import org.herald.rules.engine.Population;
import org.herald.rules.engine.RuleCatalog;
import org.herald.shared.problem.ProblemException;
import org.herald.subject.affected.AffectedBreakdown;

/**
 * Assesses an incident against every regime and brings its obligations in line with the result:
 * new ones are created, existing ones (same regime, kind, recipient, phase and jurisdiction) are
 * updated in place with their previous values kept in their history, and open ones no regime asks
 * for any more are withdrawn. Running it twice on the same facts changes nothing.
 */
@ApplicationScoped
public class AssessObligations {

    static final String AUDIT_TYPE = "incident";
    static final String WITHDRAWN_PREFIX = "Withdrawn by assessment";
    private static final Set<String> RISK_LEVELS = Set.of("unlikely", "risk", "high");

    private final IncidentRepository incidents;
    private final IncidentService incidentService;
    private final AffectedBreakdown breakdown;
    private final RuleCatalog catalog;
    private final ObligationRepository obligations;
    private final RuleAssessmentRepository assessments;
    private final ObligationEventRepository events;
    private final ObligationViews views;
    private final AuditLog audit;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final ObjectMapper json;

    AssessObligations(IncidentRepository incidents, IncidentService incidentService, AffectedBreakdown breakdown,
            RuleCatalog catalog, ObligationRepository obligations, RuleAssessmentRepository assessments,
            ObligationEventRepository events, ObligationViews views, AuditLog audit, SecurityIdentity identity,
            Clock clock, ObjectMapper json) {
        this.incidents = incidents;
        this.incidentService = incidentService;
        this.breakdown = breakdown;
        this.catalog = catalog;
        this.obligations = obligations;
        this.assessments = assessments;
        this.events = events;
        this.views = views;
        this.audit = audit;
        this.identity = identity;
        this.clock = clock;
        this.json = json;
    }

    @Transactional
    public AssessmentView assess(UUID incidentId, Judgement given) {
        Judgement judgement = given == null ? Judgement.NONE : given;
        if (judgement.riskLevel() != null && !RISK_LEVELS.contains(judgement.riskLevel())) {
            throw ProblemException.invalid("riskLevel", "must be one of unlikely, risk, high");
        }
        if (judgement.noticeCostUsd() != null && judgement.noticeCostUsd() < 0) {
            throw ProblemException.invalid("noticeCostUsd", "must not be negative");
        }
        // Locking the incident serialises assessments of one incident: two runs never interleave.
        Incident incident = incidents.findForUpdate(incidentId)
                .orElseThrow(() -> ProblemException.notFound("incident", incidentId));
        Instant now = clock.instant();
        String actor = identity.isAnonymous() ? "system" : identity.getPrincipal().getName();
        List<Obligation> existing = obligations.ofIncident(incidentId);
        AssessmentFacts facts = facts(incident, judgement, existing, now);
        Evaluation evaluation = catalog.evaluator().evaluate(facts);

        int runNo = assessments.latest(incidentId).map(a -> a.runNo + 1).orElse(1);
        RuleAssessment run = new RuleAssessment(UUID.randomUUID(), incidentId, runNo, now, actor);
        run.judgement = write(judgement);
        run.facts = write(Map.of("scopeDefined", facts.scopeDefined(), "totalSubjects", facts.totalSubjects(),
                "population", facts.population()));
        run.outcome = write(evaluation.regimes());
        run.substitutes = write(evaluation.substitutes());
        assessments.persist(run);
        assessments.flush();

        Map<String, Obligation> byKey = existing.stream().collect(Collectors.toMap(o -> o.key, Function.identity()));
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int withdrawn = 0;
        for (ObligationDraft d : evaluation.obligations()) {
            Obligation o = byKey.remove(d.key());
            if (o == null) {
                o = new Obligation(UUID.randomUUID(), incidentId, d.key(), run.id, now);
                apply(o, d);
                obligations.persist(o);
                // Events take their id from the database at once: the obligation must exist before them.
                obligations.flush();
                event(o, run.id, now, actor, "created", Map.of("dueAt", String.valueOf(d.dueAt()), "status", "OPEN"));
                created++;
                continue;
            }
            Map<String, Object> changes = changes(o, d);
            boolean reinstated = o.status == ObligationStatus.WAIVED && o.waivedReason != null
                    && o.waivedReason.startsWith(WITHDRAWN_PREFIX);
            o.lastAssessmentId = run.id;
            if (reinstated) {
                changes.put("status", Map.of("from", "WAIVED", "to", "OPEN"));
                o.status = ObligationStatus.OPEN;
                o.waivedReason = null;
                o.settledAt = null;
                o.settledBy = null;
            }
            if (changes.isEmpty()) {
                unchanged++;
                continue;
            }
            apply(o, d);
            o.updatedAt = now;
            event(o, run.id, now, actor, reinstated ? "reinstated" : "updated", changes);
            updated++;
        }
        for (Obligation o : byKey.values()) {
            if (o.status != ObligationStatus.OPEN) {
                continue;
            }
            o.status = ObligationStatus.WAIVED;
            o.waivedReason = WITHDRAWN_PREFIX + " #" + runNo + ": with the facts as they now stand no regime asks for it";
            o.settledAt = now;
            o.settledBy = actor;
            o.updatedAt = now;
            o.lastAssessmentId = run.id;
            event(o, run.id, now, actor, "withdrawn", Map.of("status", Map.of("from", "OPEN", "to", "WAIVED")));
            withdrawn++;
        }
        run.created = created;
        run.updated = updated;
        run.unchanged = unchanged;
        run.withdrawn = withdrawn;

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("assessment", run.id.toString());
        summary.put("run", runNo);
        summary.put("created", created);
        summary.put("updated", updated);
        summary.put("unchanged", unchanged);
        summary.put("withdrawn", withdrawn);
        summary.put("applies", evaluation.regimes().stream().filter(r -> r.outcome().equals("applies"))
                .map(Evaluation.RegimeOutcome::regimeId).toList());
        audit.record(AUDIT_TYPE, incidentId, "obligations-assessed", summary);
        obligations.flush();
        return new AssessmentView(run.id, incidentId, runNo, now, actor, judgement, created, updated, unchanged,
                withdrawn, evaluation.regimes(), views.of(incidentId, now));
    }

    private AssessmentFacts facts(Incident incident, Judgement judgement, List<Obligation> existing, Instant now) {
        var rows = breakdown.byJurisdiction(incident.id());
        List<Population> population = rows.map(list -> list.stream()
                .map(r -> new Population(r.country(), r.region(), r.subjects(), r.minors(), r.deceased(), r.unreachable()))
                .toList()).orElse(List.of());
        Map<String, Instant> sent = new HashMap<>();
        Map<String, Instant> reported = new HashMap<>();
        for (Obligation o : existing) {
            if (o.status != ObligationStatus.FULFILLED || o.fulfilledAt == null) {
                continue;
            }
            if (o.kind == ObligationKind.INDIVIDUAL_NOTICE) {
                sent.merge(o.regimeId, o.fulfilledAt, (a, b) -> a.isBefore(b) ? a : b);
            } else if (o.kind == ObligationKind.AUTHORITY_NOTICE && o.phase.equals("initial")) {
                reported.merge(o.regimeId, o.fulfilledAt, (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return new AssessmentFacts(incident.id(), now, incident.breachTypes(), incident.causeFamily(),
                incident.dataCategories(), incident.encryption(), incident.exfiltration(), incident.detectedAt(),
                incident.awareAt(), incident.estimatedSubjects(), incident.severity().name(),
                incidentService.effectiveOrganisation(incident), rows.isPresent(), population, judgement, sent, reported);
    }

    private void apply(Obligation o, ObligationDraft d) {
        o.kind = d.kind();
        o.regimeId = d.regimeId();
        o.jurisdiction = d.jurisdiction();
        o.recipient = d.recipient();
        o.phase = d.phase();
        o.dueAt = d.dueAt();
        o.dueBasis = d.dueBasis();
        o.reason = d.reason();
        o.citations = write(d.citations());
        o.confidence = d.confidence();
        o.subjectsCovered = d.subjectsCovered();
        o.lateReasonRequired = d.lateNoticeReasonRequired();
        o.terms = write(d.terms());
    }

    /** The fields that differ, each as {from, to}; empty when the draft matches the obligation. */
    private Map<String, Object> changes(Obligation o, ObligationDraft d) {
        Map<String, Object> out = new LinkedHashMap<>();
        diff(out, "dueAt", o.dueAt, d.dueAt());
        diff(out, "dueBasis", o.dueBasis, d.dueBasis());
        diff(out, "reason", o.reason, d.reason());
        diff(out, "confidence", o.confidence, d.confidence());
        diff(out, "subjectsCovered", o.subjectsCovered, d.subjectsCovered());
        diff(out, "lateReasonRequired", o.lateReasonRequired, d.lateNoticeReasonRequired());
        diff(out, "citations", o.citations, write(d.citations()));
        diff(out, "terms", o.terms, write(d.terms()));
        return out;
    }

    private static void diff(Map<String, Object> out, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", before == null ? null : before.toString());
            change.put("to", after == null ? null : after.toString());
            out.put(field, change);
        }
    }

    private void event(Obligation o, UUID assessmentId, Instant at, String actor, String action, Map<String, ?> detail) {
        events.persist(new ObligationEvent(o, assessmentId, at, actor, action, write(detail)));
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Assessment values always serialise", e);
        }
    }

    static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
}
