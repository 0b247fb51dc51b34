package org.herald.regulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.herald.audit.AuditLog;
import org.herald.incident.IncidentService;
import org.herald.regulator.filing.FilingForm;
import org.herald.regulator.filing.FilingView;
import org.herald.regulator.filing.RegulatorFiling;
import org.herald.regulator.filing.RegulatorFilingRepository;
import org.herald.regulator.report.RegulatorReport;
import org.herald.shared.problem.Problem;
import org.herald.shared.problem.ProblemException;

/**
 * Records that a report was filed with an authority: the next version for that authority, who, when,
 * the obligation it settles and the authority's reference, with the field values as filed. A report
 * with required fields missing is refused, naming them.
 */
@ApplicationScoped
public class FileReport {

    private final RegulatorReports reports;
    private final RegulatorFilingRepository filings;
    private final AuditLog audit;
    private final SecurityIdentity identity;
    private final ObjectMapper mapper;
    private final Clock clock;

    FileReport(RegulatorReports reports, RegulatorFilingRepository filings, AuditLog audit, SecurityIdentity identity,
            ObjectMapper mapper, Clock clock) {
        this.reports = reports;
        this.filings = filings;
        this.audit = audit;
        this.identity = identity;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Transactional
    public FilingView file(UUID incidentId, String authority, FilingForm form) {
        FilingForm f = form == null ? new FilingForm(null, null, null) : form;
        RegulatorReport report = reports.report(incidentId, authority, f.phase());
        if (!report.fileable()) {
            throw new ProblemException(409, "report-incomplete", "Report cannot be filed yet",
                    report.title() + " for " + report.incidentReference() + " lacks required fields",
                    report.missing().stream().filter(RegulatorReport.Missing::blocking)
                            .map(m -> new Problem.FieldError(m.key(), m.reason())).toList());
        }
        int version = filings.latest(incidentId, authority).map(l -> l.version() + 1).orElse(1);
        UUID obligation = f.obligationId() != null ? f.obligationId() : report.obligationId();
        String reference = f.authorityReference() == null || f.authorityReference().isBlank() ? null
                : f.authorityReference().strip();
        RegulatorFiling filing = new RegulatorFiling(UUID.randomUUID(), incidentId, obligation, authority,
                report.phase(), version, actor(), clock.instant().truncatedTo(ChronoUnit.MICROS), reference,
                json(report.values()));
        filings.persist(filing);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("authority", authority);
        summary.put("phase", report.phase());
        summary.put("version", version);
        summary.put("filingId", filing.id().toString());
        summary.put("obligationId", obligation == null ? null : obligation.toString());
        summary.put("authorityReference", reference);
        summary.put("changed", report.changes().stream().map(RegulatorReport.Change::key).toList());
        audit.record(IncidentService.AUDIT_TYPE, incidentId, "report-filed", summary);
        return FilingView.of(filing);
    }

    @Transactional
    public List<FilingView> history(UUID incidentId) {
        reports.incident(incidentId);
        return filings.forIncident(incidentId).stream().map(FilingView::of).toList();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String actor() {
        return identity == null || identity.isAnonymous() ? "system" : identity.getPrincipal().getName();
    }
}
