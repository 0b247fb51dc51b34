package org.herald.rules.obligation;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.herald.incident.Incident;
import org.herald.incident.IncidentRepository;
import org.herald.incident.IncidentStatus;
import org.herald.incident.TransitionGuard;
import org.herald.shared.problem.Problem;
import org.herald.subject.Db;
import org.herald.testing.TestUsers;
import org.junit.jupiter.api.Test;

/** Deadline alerts (once per lead time, audited) and the guard that keeps an incident open while obligations are. */
@QuarkusTest
class DeadlinesAndClosingTest {

    @Inject
    AlertDeadlines alerts;
    @Inject
    OpenObligationsGuard guard;
    @Inject
    IncidentRepository incidents;

    @Test
    void theLeadTimeIsTheShortestTheRemainingTimeHasComeWithin() {
        Instant due = Instant.parse("2026-03-05T10:30:00Z");
        List<Duration> leads = List.of(Duration.ofHours(4), Duration.ofHours(24));
        assertThat(AlertDeadlines.lead(due, due.minus(Duration.ofHours(25)), leads)).isNull();
        assertThat(AlertDeadlines.lead(due, due.minus(Duration.ofHours(24)), leads)).isEqualTo("PT24H");
        assertThat(AlertDeadlines.lead(due, due.minus(Duration.ofHours(5)), leads)).isEqualTo("PT24H");
        assertThat(AlertDeadlines.lead(due, due.minus(Duration.ofHours(3)), leads)).isEqualTo("PT4H");
        assertThat(AlertDeadlines.lead(due, due, leads)).isEqualTo("OVERDUE");
    }

    @Test
    void overdueObligationsAlertTheTeamOnceAndTheAlertIsAudited() {
        UUID incident = Affected.anIncident("Alerts");
        Affected.residents(incident, "DE", null, 2);
        Affected.assess(incident, Map.of("riskLevel", "risk")).statusCode(200);
        String sa = Db.rows("SELECT id FROM obligation WHERE incident_id = ?", incident).get(0).get("id").toString();

        alerts.run();
        alerts.run();
        List<Map<String, Object>> raised = Db.rows("SELECT lead, recipients, message FROM obligation_alert WHERE obligation_id = ?::uuid", sa);
        assertThat(raised).hasSize(1);
        assertThat(raised.get(0)).containsEntry("lead", "OVERDUE")
                .containsEntry("recipients", "incident team: analyst and the privacy officers");
        assertThat((String) raised.get(0).get("message")).contains("authority notice to EU_LEAD_SA")
                .contains("overdue since 2026-03-05 10:30 UTC");
        assertThat(Db.count("SELECT count(*) FROM audit_entry WHERE entity_id = ? AND action = 'obligation-deadline-alert'",
                incident.toString())).isEqualTo(1);
        assertThat(TestUsers.asAuditor().get("/api/incidents/" + incident + "/obligations/" + sa + "/history")
                .then().statusCode(200).extract().jsonPath().getList("action")).containsExactly("created", "alerted");
    }

    @Test
    void anIncidentIsNotClosedWhileAnObligationIsOpen() {
        UUID incident = Affected.anIncident("Closing");
        Affected.residents(incident, "US", "US-CA", 2);
        Affected.assess(incident, Map.of()).statusCode(200);

        List<Problem.FieldError> refusals = refusals(incident, IncidentStatus.CLOSED);
        assertThat(refusals).isNotEmpty();
        assertThat(refusals.get(0).field()).isEqualTo("obligations[0]");
        assertThat(refusals.get(0).message()).contains("is LATE").contains("fulfilment or waive");
        assertThat(refusals(incident, IncidentStatus.NOTIFYING)).isEmpty();

        for (Map<String, Object> row : Db.rows("SELECT id FROM obligation WHERE incident_id = ?", incident)) {
            TestUsers.asOfficer().contentType("application/json").body(Map.of("reason", "Handled by the parent company"))
                    .post("/api/incidents/" + incident + "/obligations/" + row.get("id") + "/waiver").then().statusCode(200);
        }
        assertThat(refusals(incident, IncidentStatus.CLOSED)).isEmpty();
    }

    @Test
    void theGuardIsOneOfTheIncidentsTransitionGuards() {
        assertThat(io.quarkus.arc.Arc.container().select(TransitionGuard.class).stream()
                .anyMatch(g -> g instanceof OpenObligationsGuard || g.getClass().getName().startsWith(
                        OpenObligationsGuard.class.getName()))).isTrue();
    }

    private List<Problem.FieldError> refusals(UUID id, IncidentStatus to) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Incident incident = incidents.findById(id);
            return guard.refusals(incident, to);
        });
    }
}
