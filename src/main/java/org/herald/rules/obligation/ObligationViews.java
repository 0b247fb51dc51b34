package org.herald.rules.obligation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.herald.rules.IndividualNoticeTerms;
import org.herald.rules.ObligationKind;
import org.herald.rules.ObligationStatus;
import org.herald.rules.ObligationView;
import org.herald.rules.SubstituteNoticeTerms;
import org.herald.rules.engine.Evaluation;
import org.herald.rules.engine.ObligationDraft;
import org.herald.rules.model.SubstituteRule;

/** Reads obligations as their readers see them: views, individual-notice terms, substitute terms. */
@ApplicationScoped
public class ObligationViews {

    /** Most urgent first: open and late by due time, then those without a time, then settled ones. */
    static final Comparator<ObligationView> URGENCY = Comparator
            .comparing((ObligationView v) -> v.status() == ObligationStatus.FULFILLED || v.status() == ObligationStatus.WAIVED)
            .thenComparing(ObligationView::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ObligationView::regimeId).thenComparing(ObligationView::recipient);

    private final ObligationRepository obligations;
    private final RuleAssessmentRepository assessments;
    private final ObjectMapper json;

    ObligationViews(ObligationRepository obligations, RuleAssessmentRepository assessments, ObjectMapper json) {
        this.obligations = obligations;
        this.assessments = assessments;
        this.json = json;
    }

    public List<ObligationView> of(UUID incidentId, Instant now) {
        return obligations.ofIncident(incidentId).stream().map(o -> view(o, now)).sorted(URGENCY).toList();
    }

    ObligationView view(Obligation o, Instant now) {
        return new ObligationView(o.id, o.incidentId, o.kind, o.regimeId, o.jurisdiction, o.recipient, o.phase, o.dueAt,
                o.dueBasis, o.effectiveStatus(now), o.reason, read(o.citations, new TypeReference<List<String>>() {
                }), o.confidence, o.subjectsCovered, o.fulfilledAt, o.fulfilmentReference);
    }

    public List<IndividualNoticeTerms> individualTerms(UUID incidentId) {
        return obligations.ofIncident(incidentId).stream()
                .filter(o -> o.kind == ObligationKind.INDIVIDUAL_NOTICE && o.status == ObligationStatus.OPEN)
                .sorted(Comparator.comparing((Obligation o) -> o.dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(o -> o.regimeId))
                .map(o -> {
                    ObligationDraft.Terms t = terms(o);
                    return new IndividualNoticeTerms(o.id, o.regimeId, o.jurisdiction,
                            new LinkedHashSet<>(t.coveredCountries()), new LinkedHashSet<>(t.coveredRegions()), o.dueAt,
                            o.dueBasis, t.allowedChannels(), t.requiredContent(), t.prohibitedContent(),
                            t.guardianForMinors(), t.nextOfKinForDeceased(), t.remediationOffers(), o.reason);
                }).toList();
    }

    public List<SubstituteNoticeTerms> substituteTerms(UUID incidentId) {
        return assessments.latest(incidentId).map(run -> {
            List<Evaluation.SubstituteOffer> offers = read(run.substitutes,
                    new TypeReference<List<Evaluation.SubstituteOffer>>() {
                    });
            List<Obligation> all = obligations.ofIncident(incidentId);
            return offers.stream().map(s -> {
                UUID obligationId = s.obligationKey() == null ? null : all.stream()
                        .filter(o -> o.key.equals(s.obligationKey())).map(o -> o.id).findFirst().orElse(null);
                SubstituteRule r = s.rule();
                return new SubstituteNoticeTerms(obligationId, s.regimeId(), s.jurisdiction(), s.citations(),
                        new LinkedHashSet<>(s.coveredCountries()), new LinkedHashSet<>(s.coveredRegions()),
                        r.conditions().stream().map(c -> new SubstituteNoticeTerms.Condition(c.type(), c.amount(),
                                c.currency(), c.comparator(), c.count())).toList(),
                        r.components().stream().map(c -> new SubstituteNoticeTerms.Component(c.type(), c.minDays(),
                                c.placement())).toList(),
                        r.allRequired() == null || r.allRequired(), r.residualCoverage() != null && r.residualCoverage(),
                        s.confidence());
            }).toList();
        }).orElse(List.of());
    }

    ObligationDraft.Terms terms(Obligation o) {
        return read(o.terms, new TypeReference<ObligationDraft.Terms>() {
        });
    }

    <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored obligation JSON is unreadable", e);
        }
    }
}
