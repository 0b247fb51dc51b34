package org.herald.rules.obligation;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.herald.audit.AuditLog;
import org.herald.incident.Incident;
import org.herald.incident.IncidentRepository;
import org.herald.rules.engine.RulesConfig;

/**
 * Warns the incident's team before each due time (at every configured lead time, e.g. 24 h and
 * 4 h) and once when an obligation becomes overdue. Each alert is recorded once per obligation,
 * lead time and due time, with an audit entry; a due time moved by a re-assessment alerts again.
 * Alerts are recorded here and shown on the obligations page; mailing them is left to the e-mail
 * channel's owner (the rules feature may not depend on channels).
 */
@ApplicationScoped
public class AlertDeadlines {

    static final String OVERDUE = "OVERDUE";

    private final ObligationRepository obligations;
    private final ObligationAlertRepository alerts;
    private final ObligationEventRepository events;
    private final IncidentRepository incidents;
    private final AuditLog audit;
    private final RulesConfig config;
    private final Clock clock;
    private final AssessObligations json;

    AlertDeadlines(ObligationRepository obligations, ObligationAlertRepository alerts, ObligationEventRepository events,
            IncidentRepository incidents, AuditLog audit, RulesConfig config, Clock clock, AssessObligations json) {
        this.obligations = obligations;
        this.alerts = alerts;
        this.events = events;
        this.incidents = incidents;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
        this.json = json;
    }

    @Scheduled(every = "{herald.rules.alert-every}", identity = "obligation-deadline-alerts",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** Raises the alerts now due; returns how many. */
    @Transactional
    public int run() {
        Instant now = clock.instant();
        List<Duration> leads = config.alertLeadTimes().stream().sorted().toList();
        Duration longest = leads.isEmpty() ? Duration.ZERO : leads.get(leads.size() - 1);
        int raised = 0;
        for (Obligation o : obligations.openDueBefore(now.plus(longest))) {
            String lead = lead(o.dueAt, now, leads);
            if (lead == null || alerts.exists(o.id, lead, o.dueAt)) {
                continue;
            }
            Incident incident = incidents.findById(o.incidentId);
            String what = o.kind.name().toLowerCase().replace('_', ' ') + " to " + o.recipient + " (" + o.regimeId
                    + (o.phase.equals("initial") ? "" : ", " + o.phase) + ")";
            String due = ObligationsPage.SHOWN.format(o.dueAt.atZone(ZoneOffset.UTC)) + " UTC";
            String message = lead.equals(OVERDUE)
                    ? incident.reference() + ": the " + what + " is overdue since " + due + "."
                    : incident.reference() + ": the " + what + " is due at " + due + ", in "
                            + ObligationsPage.span(Duration.between(now, o.dueAt)) + ".";
            String recipients = "incident team: " + incident.createdBy() + " and the privacy officers";
            alerts.persist(new ObligationAlert(o, lead, now, recipients, message));
            events.persist(new ObligationEvent(o, null, now, "system", "alerted",
                    json.write(Map.of("lead", lead, "dueAt", o.dueAt.toString()))));
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("obligation", o.id.toString());
            summary.put("regime", o.regimeId);
            summary.put("kind", o.kind.name());
            summary.put("lead", lead);
            summary.put("dueAt", o.dueAt.toString());
            summary.put("recipients", recipients);
            audit.recordAs("system", AssessObligations.AUDIT_TYPE, o.incidentId, "obligation-deadline-alert", summary);
            raised++;
        }
        return raised;
    }

    /**
     * Which alert is due: OVERDUE once the due time has passed, else the shortest lead time that
     * the remaining time has come within (so a job that first sees 3 hours left raises only the
     * 4-hour alert, not the 24-hour one too); null when none is.
     */
    static String lead(Instant dueAt, Instant now, List<Duration> leads) {
        if (!dueAt.isAfter(now)) {
            return OVERDUE;
        }
        Duration left = Duration.between(now, dueAt);
        return leads.stream().filter(l -> left.compareTo(l) <= 0).min(Comparator.naturalOrder())
                .map(Duration::toString).orElse(null);
    }
}
