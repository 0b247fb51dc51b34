package org.herald.regulator.register;

import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.herald.audit.AuditLog;
import org.herald.incident.Incident;
import org.herald.incident.IncidentContent;
import org.herald.incident.IncidentRepository;
import org.herald.incident.IncidentService;
import org.herald.notice.DeliveryStatistics;
import org.herald.notice.DeliveryStatisticsSource;
import org.herald.regulator.filing.RegulatorFiling;
import org.herald.regulator.filing.RegulatorFilingRepository;
import org.herald.rules.ObligationStatus;
import org.herald.rules.ObligationView;
import org.herald.rules.Obligations;
import org.herald.shared.problem.ProblemException;

/**
 * The breach register: every incident, notified or not. Reasons for not notifying come from the
 * privacy officer's note and from the obligations the rules waived; an incident that was notified
 * nowhere and has no reason says so, so the gap shows.
 */
@ApplicationScoped
public class BreachRegister {

    static final String NO_REASON = "not notified and no reason recorded yet";

    private final IncidentRepository incidents;
    private final RegisterNoteRepository notes;
    private final RegulatorFilingRepository filings;
    private final Obligations obligations;
    private final DeliveryStatisticsSource deliveries;
    private final AuditLog audit;
    private final SecurityIdentity identity;
    private final Clock clock;

    BreachRegister(IncidentRepository incidents, RegisterNoteRepository notes, RegulatorFilingRepository filings,
            Obligations obligations, DeliveryStatisticsSource deliveries, AuditLog audit, SecurityIdentity identity,
            Clock clock) {
        this.incidents = incidents;
        this.notes = notes;
        this.filings = filings;
        this.obligations = obligations;
        this.deliveries = deliveries;
        this.audit = audit;
        this.identity = identity;
        this.clock = clock;
    }

    /** Every incident, oldest first. */
    @Transactional
    public List<RegisterRow> rows() {
        List<RegisterRow> rows = new ArrayList<>();
        for (Incident i : incidents.listAll(Sort.by("createdAt").and("reference"))) {
            rows.add(row(i));
        }
        return rows;
    }

    @Transactional
    public RegisterRow row(UUID incidentId) {
        return row(incidents.findByIdOptional(incidentId)
                .orElseThrow(() -> ProblemException.notFound("Incident", incidentId)));
    }

    /** Records (or replaces) why the incident was not notified. */
    @Transactional
    public RegisterRow recordReason(UUID incidentId, String reason) {
        Incident incident = incidents.findByIdOptional(incidentId)
                .orElseThrow(() -> ProblemException.notFound("Incident", incidentId));
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reasonNotNotified", "is required: say why the incident was not notified");
        }
        if (reason.length() > 4000) {
            throw ProblemException.invalid("reasonNotNotified", "must be at most 4000 characters");
        }
        String actor = identity == null || identity.isAnonymous() ? "system" : identity.getPrincipal().getName();
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        RegisterNote note = notes.findByIdOptional(incidentId).orElse(null);
        if (note == null) {
            notes.persist(new RegisterNote(incidentId, reason.strip(), actor, now));
        } else {
            note.record(reason.strip(), actor, now);
        }
        // The reason is free text: the audit keeps that it was recorded, not what it says.
        audit.record(IncidentService.AUDIT_TYPE, incidentId, "register-reason-recorded", Map.of("replaced", note != null));
        return row(incident);
    }

    public static String csv(List<RegisterRow> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            printer.printRecord(RegisterRow.CSV_HEADER);
            for (RegisterRow r : rows) {
                printer.printRecord(r.csv());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private RegisterRow row(Incident i) {
        List<ObligationView> owed = Objects.requireNonNullElse(obligations.forIncident(i.id()), List.of());
        DeliveryStatistics delivery = Objects.requireNonNullElse(deliveries.forIncident(i.id()),
                DeliveryStatistics.none(i.id()));
        List<String> authorities = filings.forIncident(i.id()).stream().map(RegulatorFiling::authority).distinct().toList();
        boolean notified = !authorities.isEmpty() || delivery.subjectsNotified() > 0;
        RegisterNote note = notes.findByIdOptional(i.id()).orElse(null);
        List<String> reasons = new ArrayList<>();
        if (note != null) {
            reasons.add(note.reasonNotNotified());
        }
        for (ObligationView o : owed) {
            if (o.status() == ObligationStatus.WAIVED) {
                reasons.add((o.recipient() != null ? o.recipient() : o.kind().name()) + " (" + o.jurisdiction()
                        + ") waived: " + o.reason());
            }
        }
        if (!notified && reasons.isEmpty()) {
            reasons.add(owed.isEmpty() ? NO_REASON + " (the assessment found no obligation, or has not run)" : NO_REASON);
        }
        IncidentContent en = i.content().getOrDefault("en", i.content().values().stream().findFirst().orElse(null));
        return new RegisterRow(i.id(), i.reference(), i.title(), i.status().name(), i.severity().name(),
                i.occurredFrom() == null ? null : i.occurredFrom().toString(), i.detectedAt(), i.awareAt(),
                i.containedAt(), i.dataCategories().stream().sorted().map(Enum::name).toList(), i.estimatedSubjects(),
                en == null ? null : en.possibleImpact(), en == null ? null : en.measures(), notified, authorities,
                delivery.subjectsNotified(), reasons, note == null ? null : note.recordedBy(),
                note == null ? null : note.recordedAt());
    }
}
