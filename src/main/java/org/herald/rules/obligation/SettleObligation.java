package org.herald.rules.obligation;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.herald.audit.AuditLog;
import org.herald.rules.ObligationStatus;
import org.herald.rules.ObligationView;
import org.herald.shared.problem.Problem;
import org.herald.shared.problem.ProblemException;

/**
 * Records that an obligation was fulfilled (with evidence) or waived (with a reason). A notice sent
 * after its due time needs the reasons for the delay where the law asks for them (GDPR Art. 33(1),
 * Singapore reg. 5(2), Brazil). Settling is final: a settled obligation is not settled again.
 */
@ApplicationScoped
public class SettleObligation {

    static final int MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

    private final ObligationRepository obligations;
    private final ObligationEventRepository events;
    private final ObligationViews views;
    private final AuditLog audit;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final AssessObligations assess;

    SettleObligation(ObligationRepository obligations, ObligationEventRepository events, ObligationViews views,
            AuditLog audit, SecurityIdentity identity, Clock clock, AssessObligations assess) {
        this.obligations = obligations;
        this.events = events;
        this.views = views;
        this.audit = audit;
        this.identity = identity;
        this.clock = clock;
        this.assess = assess;
    }

    @Transactional
    public ObligationView fulfil(UUID incidentId, UUID obligationId, Fulfilment f) {
        Obligation o = open(incidentId, obligationId);
        Instant now = clock.instant();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (f == null || f.fulfilledAt() == null) {
            errors.add(new Problem.FieldError("fulfilledAt", "is required: when the notice was given"));
        } else if (f.fulfilledAt().isAfter(now)) {
            errors.add(new Problem.FieldError("fulfilledAt", "must not be in the future"));
        }
        if (f == null || blank(f.reference())) {
            errors.add(new Problem.FieldError("reference", "is required: the recipient's reference, or how it was sent"));
        } else if (f.reference().length() > 200) {
            errors.add(new Problem.FieldError("reference", "must be at most 200 characters"));
        }
        byte[] file = null;
        if (f != null && !blank(f.evidenceBase64())) {
            try {
                file = Base64.getDecoder().decode(f.evidenceBase64());
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("evidenceBase64", "is not base64"));
            }
            if (file != null && file.length > MAX_EVIDENCE_BYTES) {
                errors.add(new Problem.FieldError("evidenceBase64", "must be at most 5 MB"));
            }
            if (blank(f.evidenceFileName())) {
                errors.add(new Problem.FieldError("evidenceFileName", "is required with an evidence file"));
            }
        }
        boolean late = f != null && f.fulfilledAt() != null && o.dueAt != null && f.fulfilledAt().isAfter(o.dueAt);
        if (late && o.lateReasonRequired && (f == null || blank(f.lateReason()))) {
            errors.add(new Problem.FieldError("lateReason", "is required: the notice was given after its due time and "
                    + o.regimeId + " asks for the reasons for the delay"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "invalid", "Invalid fulfilment", "The fulfilment is incomplete", errors);
        }
        String actor = actor();
        o.status = ObligationStatus.FULFILLED;
        o.fulfilledAt = f.fulfilledAt();
        o.fulfilmentReference = f.reference().strip();
        o.lateReason = blank(f.lateReason()) ? null : f.lateReason().strip();
        if (file != null) {
            o.evidenceFile = file;
            o.evidenceFileName = clip(f.evidenceFileName().strip(), 200);
            o.evidenceContentType = blank(f.evidenceContentType()) ? "application/octet-stream"
                    : clip(f.evidenceContentType(), 100);
        }
        o.settledAt = now;
        o.settledBy = actor;
        o.updatedAt = now;
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("fulfilledAt", o.fulfilledAt.toString());
        detail.put("reference", o.fulfilmentReference);
        detail.put("late", late);
        detail.put("evidenceFile", o.evidenceFileName);
        events.persist(new ObligationEvent(o, null, now, actor, "fulfilled", assess.write(detail)));
        Map<String, Object> summary = new LinkedHashMap<>(detail);
        summary.put("obligation", o.id.toString());
        summary.put("regime", o.regimeId);
        summary.put("kind", o.kind.name());
        audit.record(AssessObligations.AUDIT_TYPE, incidentId, "obligation-fulfilled", summary);
        return views.view(o, now);
    }

    @Transactional
    public ObligationView waive(UUID incidentId, UUID obligationId, Waiver w) {
        Obligation o = open(incidentId, obligationId);
        if (w == null || blank(w.reason())) {
            throw ProblemException.invalid("reason", "is required: why this obligation is not being met");
        }
        if (w.reason().length() > 2000) {
            throw ProblemException.invalid("reason", "must be at most 2000 characters");
        }
        Instant now = clock.instant();
        String actor = actor();
        o.status = ObligationStatus.WAIVED;
        o.waivedReason = w.reason().strip();
        o.settledAt = now;
        o.settledBy = actor;
        o.updatedAt = now;
        events.persist(new ObligationEvent(o, null, now, actor, "waived", assess.write(Map.of("reason", o.waivedReason))));
        audit.record(AssessObligations.AUDIT_TYPE, incidentId, "obligation-waived", Map.of("obligation", o.id.toString(),
                "regime", o.regimeId, "kind", o.kind.name(), "reason", o.waivedReason));
        return views.view(o, now);
    }

    @Transactional
    public List<ObligationHistoryEntry> history(UUID incidentId, UUID obligationId) {
        find(incidentId, obligationId);
        return events.of(obligationId).stream()
                .map(e -> new ObligationHistoryEntry(e.at, e.actor, e.action, e.assessmentId, e.detail)).toList();
    }

    /** The evidence file of a fulfilled obligation, or not found. */
    @Transactional
    public Evidence evidence(UUID incidentId, UUID obligationId) {
        Obligation o = find(incidentId, obligationId);
        if (o.evidenceFile == null) {
            throw ProblemException.notFound("evidence of obligation", obligationId);
        }
        return new Evidence(o.evidenceFileName, o.evidenceContentType, o.evidenceFile);
    }

    public record Evidence(String fileName, String contentType, byte[] content) {
    }

    private Obligation find(UUID incidentId, UUID obligationId) {
        return obligations.findByIdOptional(obligationId).filter(o -> o.incidentId.equals(incidentId))
                .orElseThrow(() -> ProblemException.notFound("obligation", obligationId));
    }

    private Obligation open(UUID incidentId, UUID obligationId) {
        Obligation o = obligations.forUpdate(obligationId).filter(x -> x.incidentId.equals(incidentId))
                .orElseThrow(() -> ProblemException.notFound("obligation", obligationId));
        if (o.isSettled()) {
            throw ProblemException.conflict("The obligation is already " + o.status + " ("
                    + (o.status == ObligationStatus.WAIVED ? o.waivedReason : o.fulfilmentReference) + ")");
        }
        return o;
    }

    private String actor() {
        return identity.isAnonymous() ? "system" : identity.getPrincipal().getName();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
