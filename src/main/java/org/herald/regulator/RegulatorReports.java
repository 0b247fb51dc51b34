package org.herald.regulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.herald.announcement.AnnouncementService;
import org.herald.announcement.AnnouncementView;
import org.herald.incident.Incident;
import org.herald.incident.IncidentRepository;
import org.herald.incident.IncidentService;
import org.herald.notice.DeliveryStatistics;
import org.herald.notice.DeliveryStatisticsSource;
import org.herald.regulator.filing.RegulatorFiling;
import org.herald.regulator.hhs.HhsBreachCsv;
import org.herald.regulator.filing.RegulatorFilingRepository;
import org.herald.regulator.report.PublishedAnnouncement;
import org.herald.regulator.report.RegulatorReport;
import org.herald.regulator.report.ReportBuilder;
import org.herald.regulator.report.ReportFacts;
import org.herald.regulator.report.ReportField;
import org.herald.regulator.report.ReportSection;
import org.herald.regulator.report.Reporter;
import org.herald.rules.ObligationKind;
import org.herald.rules.ObligationView;
import org.herald.rules.Obligations;
import org.herald.shared.problem.Problem;
import org.herald.shared.problem.ProblemException;
import org.herald.subject.affected.AffectedSubjects;
import org.herald.subject.affected.AffectedSummary;

/**
 * Builds regulator reports from what Herald knows: reads the incident, the affected set, the
 * obligations and the delivery statistics once, hands them to the authority's builder, and compares
 * the result with the last filing so a follow-up shows what changed.
 */
@ApplicationScoped
public class RegulatorReports {

    private final Map<String, ReportBuilder> builders = new TreeMap<>();
    private final IncidentRepository incidents;
    private final IncidentService incidentService;
    private final AffectedSubjects affected;
    private final Obligations obligations;
    private final DeliveryStatisticsSource deliveries;
    private final AnnouncementService announcements;
    private final RegulatorFilingRepository filings;
    private final RegulatorConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;

    RegulatorReports(@Any Instance<ReportBuilder> builders, IncidentRepository incidents, IncidentService incidentService,
            AffectedSubjects affected, Obligations obligations, DeliveryStatisticsSource deliveries,
            AnnouncementService announcements, RegulatorFilingRepository filings, RegulatorConfig config, ObjectMapper mapper, Clock clock) {
        builders.forEach(b -> this.builders.put(b.authority(), b));
        this.incidents = incidents;
        this.incidentService = incidentService;
        this.affected = affected;
        this.obligations = obligations;
        this.deliveries = deliveries;
        this.announcements = announcements;
        this.filings = filings;
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Every report format Herald builds, by authority code. */
    public List<ReportBuilder> builders() {
        return List.copyOf(builders.values());
    }

    public ReportBuilder builder(String authority) {
        ReportBuilder b = builders.get(authority);
        if (b == null) {
            throw new ProblemException(404, "not-found", "Not found", "No report format for authority " + authority,
                    List.of(new Problem.FieldError("authority", "must be one of " + builders.keySet())));
        }
        return b;
    }

    public String phaseOf(ReportBuilder b, String phase) {
        if (phase == null || phase.isBlank()) {
            return b.phases().get(0);
        }
        if (!b.phases().contains(phase)) {
            throw ProblemException.invalid("phase", "must be one of " + b.phases() + " for " + b.authority());
        }
        return phase;
    }

    @Transactional
    public RegulatorReport report(UUID incidentId, String authority, String phase) {
        ReportBuilder b = builder(authority);
        String p = phaseOf(b, phase);
        Incident incident = incident(incidentId);
        Optional<RegulatorFiling> last = filings.latest(incidentId, authority);
        RegulatorReport report = b.build(facts(incident, last.map(RegulatorFiling::authorityReference).orElse(null)), p);
        return last.map(l -> report.withChanges(l.version(), changes(report, l))).orElse(report);
    }

    /** The reports owed for the incident: one per authority its obligations name that Herald has a format for. */
    @Transactional
    public List<DueReport> due(UUID incidentId) {
        Incident incident = incident(incidentId);
        List<ObligationView> owed = obligations.forIncident(incidentId);
        ReportFacts facts = facts(incident, null, owed);
        List<DueReport> due = new ArrayList<>();
        for (ObligationView o : owed) {
            if (o.kind() != ObligationKind.AUTHORITY_NOTICE && o.kind() != ObligationKind.AG_NOTICE) {
                continue;
            }
            Optional<ReportBuilder> b = builders.values().stream()
                    .filter(x -> o.recipient() != null && x.recipients().contains(o.recipient())).findFirst();
            String phase = b.map(x -> o.phase() != null && x.phases().contains(o.phase()) ? o.phase() : x.phases().get(0))
                    .orElse(null);
            RegulatorReport r = b.map(x -> x.build(facts, phase)).orElse(null);
            due.add(new DueReport(o.id(), o.recipient(), o.jurisdiction(), o.phase(), o.dueAt(), o.dueBasis(),
                    o.status().name(), o.reason(), b.map(ReportBuilder::authority).orElse(null),
                    b.map(ReportBuilder::authorityName).orElse(null), phase, r == null ? 0 : filled(r),
                    r == null ? 0 : total(r), r != null && r.fileable(), r == null ? List.of() : r.missing()));
        }
        due.sort(Comparator.comparing(DueReport::dueAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return due;
    }

    /** One report owed under an obligation, with how complete it is now. */
    public record DueReport(UUID obligationId, String recipient, String jurisdiction, String obligationPhase,
            java.time.Instant dueAt, String dueBasis, String status, String reason, String authority,
            String authorityName, String phase, int fieldsFilled, int fieldsTotal, boolean fileable,
            List<RegulatorReport.Missing> missing) {
    }

    /** The incident as a row of the HHS breach-portal listing, submitted on {@code day}. */
    @Transactional
    public String hhsCsv(UUID incidentId, java.time.LocalDate day) {
        return HhsBreachCsv.csv(List.of(HhsBreachCsv.row(facts(incident(incidentId), null), day)));
    }

    /**
     * The HHS annual log of breaches affecting fewer than 500 people (45 CFR 164.408(c)): incidents of
     * a HIPAA covered entity (or with an HHS obligation) discovered in {@code year} whose count of
     * individuals is known and below 500, as rows of the breach-portal listing. Submitted within 60
     * days after the end of the year.
     */
    @Transactional
    public String hhsAnnualLog(int year, java.time.LocalDate submitted) {
        List<List<String>> rows = new ArrayList<>();
        for (Incident i : incidents.listAll(io.quarkus.panache.common.Sort.by("createdAt").and("reference"))) {
            java.time.Instant discovered = i.detectedAt() != null ? i.detectedAt()
                    : i.occurredFrom() != null ? i.occurredFrom().start() : i.createdAt();
            if (discovered.atOffset(java.time.ZoneOffset.UTC).getYear() != year) {
                continue;
            }
            List<ObligationView> owed = obligations.forIncident(i.id());
            boolean hipaa = incidentService.effectiveOrganisation(i).hipaaCoveredEntity()
                    || owed.stream().anyMatch(o -> "HHS_OCR".equals(o.recipient()));
            if (!hipaa) {
                continue;
            }
            ReportFacts f = facts(i, null, owed);
            if (f.subjects() != null && f.subjects() < 500) {
                rows.add(HhsBreachCsv.row(f, submitted));
            }
        }
        return HhsBreachCsv.csv(rows);
    }

    ReportFacts facts(Incident incident, String lastReference) {
        return facts(incident, lastReference, obligations.forIncident(incident.id()));
    }

    private ReportFacts facts(Incident incident, String lastReference, List<ObligationView> owed) {
        AffectedSummary summary = affected.summary(incident.id());
        DeliveryStatistics delivery = Objects.requireNonNullElse(deliveries.forIncident(incident.id()),
                DeliveryStatistics.none(incident.id()));
        return new ReportFacts(incident, incidentService.effectiveOrganisation(incident), reporter(), summary,
                owed == null ? List.of() : owed, delivery, announcement(incident.id()), lastReference,
                clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }

    /** The most recently published announcement of the incident, if any was published. */
    private PublishedAnnouncement announcement(UUID incidentId) {
        return announcements.list(incidentId).stream().filter(a -> a.publishedAt() != null)
                .max(Comparator.comparing(AnnouncementView::publishedAt))
                .map(a -> new PublishedAnnouncement(a.publishedAt(), a.updatedAt(), a.publicUrl(), a.withdrawnAt()))
                .orElse(null);
    }

    public Reporter reporter() {
        return new Reporter(config.organisationName().orElse(null), config.usState().orElse(null),
                config.hhsEntityType().orElse(null));
    }

    Incident incident(UUID id) {
        return incidents.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Incident", id));
    }

    /** The fields whose value differs from the one filed last time. */
    List<RegulatorReport.Change> changes(RegulatorReport report, RegulatorFiling last) {
        Map<String, String> filed = snapshot(last);
        List<RegulatorReport.Change> changes = new ArrayList<>();
        for (ReportSection s : report.sections()) {
            for (ReportField f : s.fields()) {
                if (filed.containsKey(f.key()) || f.value() != null) {
                    String before = filed.get(f.key());
                    if (!Objects.equals(before, f.value())) {
                        changes.add(new RegulatorReport.Change(f.key(), f.label(), before, f.value()));
                    }
                }
            }
        }
        return changes;
    }

    Map<String, String> snapshot(RegulatorFiling filing) {
        try {
            return mapper.readValue(filing.snapshot(), new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable snapshot of filing " + filing.id(), e);
        }
    }

    static int filled(RegulatorReport r) {
        return (int) r.sections().stream().flatMap(s -> s.fields().stream()).filter(f -> f.value() != null).count();
    }

    static int total(RegulatorReport r) {
        return (int) r.sections().stream().mapToLong(s -> s.fields().size()).sum();
    }

    static String missingText(RegulatorReport r) {
        return r.missing().stream().map(m -> m.label() + ": " + m.reason()).collect(Collectors.joining("; "));
    }
}
