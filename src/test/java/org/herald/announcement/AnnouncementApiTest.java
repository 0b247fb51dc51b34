package org.herald.announcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.herald.notice.DeliveryStatisticsSource;
import org.herald.rules.ObligationKind;
import org.herald.rules.ObligationStatus;
import org.herald.rules.ObligationView;
import org.herald.rules.Obligations;
import org.herald.subject.Db;
import org.herald.testing.Fakes;
import org.herald.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Proposal, approval, revision and withdrawal of announcements through the API, with the rules and campaigns faked. */
@QuarkusTest
class AnnouncementApiTest {

    private FakeObligations rules;
    private FakeDeliveries deliveries;

    @BeforeEach
    void fakes() {
        rules = new FakeObligations();
        deliveries = new FakeDeliveries();
        Fakes.install(rules, Obligations.class);
        Fakes.install(deliveries, DeliveryStatisticsSource.class);
    }

    static String base(UUID incident) {
        return "/api/incidents/" + incident + "/announcements";
    }

    static JsonPath propose(UUID incident, Map<String, Object> body) {
        return TestUsers.asAnalyst().contentType(ContentType.JSON).body(body).post(base(incident))
                .then().log().ifValidationFails().statusCode(201).extract().jsonPath();
    }

    @Test
    void withoutAHoldingConditionNothingIsProposedAndTheReasonSaysWhy() {
        Breach b = Breach.recorded();
        rules.terms.put(b.incidentId(), List.of(Breach.hipaaResidual(10)));

        TestUsers.asAnalyst().contentType(ContentType.JSON).body(Map.of()).post(base(b.incidentId()))
                .then().statusCode(409)
                .body("title", equalTo("No substitute-notice condition holds"))
                .body("detail", containsString("1 people cannot be reached one by one (1 without a usable contact point, "
                        + "0 unreachable after every channel) — not at least 10"));
        assertThat(Db.count("SELECT count(*) FROM announcement WHERE incident_id = ?", b.incidentId())).isZero();
    }

    @Test
    void theDecisionShowsEachRuleWithItsNumbersBeforeAnythingIsProposed() {
        Breach b = Breach.recorded();
        rules.terms.put(b.incidentId(), List.of(Breach.californiaInsufficientContact(), Breach.hipaaResidual(10)));
        deliveries.unreachable(b.incidentId(), 1);

        JsonPath d = TestUsers.asAuditor().get(base(b.incidentId()) + "/decision").then().statusCode(200)
                .extract().jsonPath();

        assertThat(d.getLong("affected")).isEqualTo(4);
        assertThat(d.getLong("withoutContact")).isEqualTo(1);
        assertThat(d.getBoolean("announcementAllowed")).isTrue();
        assertThat(d.getList("decisions.met", Boolean.class)).containsExactly(true, false);
        // US-CA covers S1-S3: S3 has nothing, and one of the others ended unreachable.
        assertThat(d.getString("decisions[0].checks[0].reason"))
                .isEqualTo("2 people cannot be reached one by one (1 without a usable contact point, 1 unreachable after every channel)");
        // Cost: S1 e-mail 0.001 + S2 SMS 0.0079 (+ S4 e-mail 0.001 outside US-CA).
        assertThat(d.getString("decisions[0].checks[1].reason"))
                .isEqualTo("estimated cost of individual notice 0.01 USD does not exceed 250000 USD");
        assertThat(d.getLong("decisions[0].coveredByAnnouncement")).isEqualTo(3);
    }

    @Test
    void anAnalystProposesAndOnlyAPrivacyOfficerPublishes() {
        Breach b = Breach.recorded();
        rules.terms.put(b.incidentId(), List.of(Breach.californiaInsufficientContact()));

        JsonPath proposed = propose(b.incidentId(), Map.of());
        String id = proposed.getString("id");
        assertThat(proposed.getString("status")).isEqualTo("PROPOSED");
        assertThat(proposed.getString("reason")).startsWith("us-ca (US-CA) allows a public announcement: 1 people cannot"
                + " be reached one by one").endsWith("It replaces individual notice for all 3 people it covers.");
        assertThat(proposed.getList("regimes")).containsExactly("us-ca");
        assertThat(proposed.getInt("minDays")).isEqualTo(30);
        assertThat(proposed.getString("decision[0].citations[0]")).isEqualTo("Cal. Civ. Code § 1798.82(j)(3)");
        String slug = proposed.getString("slug");
        TestUsers.anonymous().get("/notices/" + slug).then().statusCode(404);

        TestUsers.asAnalyst().contentType(ContentType.JSON).body(Map.of()).post(base(b.incidentId()) + "/" + id + "/publish")
                .then().statusCode(403);
        JsonPath published = TestUsers.asOfficer().contentType(ContentType.JSON).body(Map.of())
                .post(base(b.incidentId()) + "/" + id + "/publish").then().statusCode(200).extract().jsonPath();

        assertThat(published.getString("status")).isEqualTo("PUBLISHED");
        assertThat(published.getString("publishedBy")).isEqualTo("officer");
        assertThat(published.getInt("revision")).isEqualTo(1);
        assertThat(published.getString("publicUrl")).endsWith("/notices/" + slug);
        // Whole class settled for US-CA, e-mail still owed where available.
        assertThat(published.getList("settlements.regimeId")).containsExactly("us-ca");
        assertThat(published.getBoolean("settlements[0].wholeClass")).isTrue();
        assertThat(published.getBoolean("settlements[0].emailWhereAvailable")).isTrue();
        assertThat(published.getLong("settlements[0].coveredCount")).isEqualTo(3);
        TestUsers.anonymous().get("/notices/" + slug).then().statusCode(200)
                .body(containsString(Breach.BASIC_SITUATION));

        List<Object> actions = Db.rows("SELECT action FROM audit_entry WHERE entity_type = 'incident' AND entity_id = ? "
                + "ORDER BY seq", b.incidentId().toString()).stream().map(r -> r.get("action")).toList();
        assertThat(actions).containsSubsequence("announcement-proposed", "announcement-published");
    }

    @Test
    void aSecondLiveAnnouncementIsRefused() {
        Breach b = Breach.recorded();
        rules.terms.put(b.incidentId(), List.of(Breach.californiaInsufficientContact()));
        propose(b.incidentId(), Map.of());
        TestUsers.asAnalyst().contentType(ContentType.JSON).body(Map.of()).post(base(b.incidentId()))
                .then().statusCode(409).body("detail", containsString("already has a proposed announcement"));
    }

    @Test
    void residualCoverageCountsOnlyTheUnreachedAndATollFreeNumberIsNeededToPublish() {
        Breach b = Breach.recorded();
        rules.terms.put(b.incidentId(), List.of(Breach.hipaaResidual(2)));
        deliveries.unreachable(b.incidentId(), 1);

        JsonPath proposed = propose(b.incidentId(), Map.of());
        assertThat(proposed.getLong("coveredCount")).isEqualTo(2);
        assertThat(proposed.getString("reason")).contains("covers only the 2 people who could not be reached");
        assertThat(proposed.getBoolean("tollFreeRequired")).isTrue();
        String publish = base(b.incidentId()) + "/" + proposed.getString("id") + "/publish";

        TestUsers.asOfficer().contentType(ContentType.JSON).body(Map.of()).post(publish).then().statusCode(400)
                .body("errors.field", hasItem("helpNumber"));
        JsonPath published = TestUsers.asOfficer().contentType(ContentType.JSON)
                .body(Map.of("helpNumber", "+1 800 555 0199")).post(publish).then().statusCode(200).extract().jsonPath();
        assertThat(published.getBoolean("settlements[0].wholeClass")).isFalse();
        TestUsers.anonymous().get("/notices/" + proposed.getString("slug")).then().statusCode(200)
                .body(containsString("+1 800 555 0199")).body(containsString("Toll-free number"));
    }

    @Test
    void withdrawingBeforeTheMinimumPostingTimeIsRefusedWithTheReason() {
        Breach b = Breach.recorded();
        rules.terms.put(b.incidentId(), List.of(Breach.californiaInsufficientContact()));
        JsonPath proposed = propose(b.incidentId(), Map.of());
        String aid = proposed.getString("id");
        TestUsers.asOfficer().contentType(ContentType.JSON).body(Map.of()).post(base(b.incidentId()) + "/" + aid + "/publish")
                .then().statusCode(200);
        String withdraw = base(b.incidentId()) + "/" + aid + "/withdraw";

        TestUsers.asOfficer().contentType(ContentType.JSON).body(Map.of("reason", "incident resolved")).post(withdraw)
                .then().statusCode(409)
                .body("title", equalTo("Minimum posting time not over"))
                .body("detail", containsString("us-ca (US-CA) requires website posting for at least 30 days"))
                .body("detail", containsString("cannot be withdrawn before"));
        TestUsers.anonymous().get("/notices/" + proposed.getString("slug")).then().statusCode(200);

        // Thirty days and a minute later the window is over.
        Db.execute("UPDATE announcement SET published_at = ? WHERE id = ?::uuid",
                java.sql.Timestamp.from(Instant.now().minus(30, ChronoUnit.DAYS).minus(1, ChronoUnit.MINUTES)), aid);
        TestUsers.asOfficer().contentType(ContentType.JSON).body(Map.of()).post(withdraw)
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        TestUsers.asOfficer().contentType(ContentType.JSON).body(Map.of("reason", "incident resolved")).post(withdraw)
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        TestUsers.anonymous().get("/notices/" + proposed.getString("slug")).then().statusCode(410)
                .body(containsString("This notice has been withdrawn")).body(not(containsString(Breach.BASIC_SITUATION)));
    }

    @Test
    void aRevisionKeepsHistoryAndThePageSaysItWasUpdated() {
        Breach b = Breach.recorded();
        rules.terms.put(b.incidentId(), List.of(Breach.californiaInsufficientContact()));
        JsonPath proposed = propose(b.incidentId(), Map.of());
        String aid = proposed.getString("id");
        TestUsers.asOfficer().contentType(ContentType.JSON).body(Map.of()).post(base(b.incidentId()) + "/" + aid + "/publish")
                .then().statusCode(200);
        TestUsers.anonymous().get("/notices/" + proposed.getString("slug")).then().statusCode(200)
                .body(not(containsString("updated-on")));

        TestUsers.asOfficer().contentType(ContentType.JSON).body(Map.of()).post(base(b.incidentId()) + "/" + aid + "/revise")
                .then().statusCode(400).body("errors.field", hasItem("note"));
        JsonPath revised = TestUsers.asOfficer().contentType(ContentType.JSON)
                .body(Map.of("note", "Added the date the incident was contained."))
                .post(base(b.incidentId()) + "/" + aid + "/revise").then().statusCode(200).extract().jsonPath();

        assertThat(revised.getInt("revision")).isEqualTo(2);
        assertThat(revised.getList("revisions.revision", Integer.class)).containsExactly(2, 1);
        TestUsers.anonymous().get("/notices/" + proposed.getString("slug")).then().statusCode(200)
                .body(containsString("id=\"updated-on\""))
                .body(containsString("Added the date the incident was contained."))
                .body(containsString("First published."));
    }

    @Test
    void aRuleConfiguredToAutoPublishPublishesAtOnce() {
        Breach b = Breach.recorded();
        rules.terms.put(b.incidentId(), List.of(Breach.autoPublishing()));

        JsonPath proposed = propose(b.incidentId(), Map.of());

        assertThat(proposed.getString("status")).isEqualTo("PUBLISHED");
        assertThat(proposed.getBoolean("autoPublished")).isTrue();
        assertThat(proposed.getString("revisions[0].note")).contains("auto-publish configured for test-auto-regime");
        TestUsers.anonymous().get("/notices/" + proposed.getString("slug")).then().statusCode(200);
    }

    @Test
    void disproportionateEffortIsAnOfficersJudgementWithItsReason() {
        Breach b = Breach.recorded();
        rules.terms.put(b.incidentId(), List.of(Breach.disproportionateEffort()));

        TestUsers.asAnalyst().contentType(ContentType.JSON).body(Map.of("judgement", "addresses are decades old"))
                .post(base(b.incidentId())).then().statusCode(403);
        TestUsers.asOfficer().contentType(ContentType.JSON).body(Map.of()).post(base(b.incidentId()))
                .then().statusCode(409);
        JsonPath proposed = TestUsers.asOfficer().contentType(ContentType.JSON)
                .body(Map.of("judgement", "addresses are decades old")).post(base(b.incidentId()))
                .then().statusCode(201).extract().jsonPath();
        assertThat(proposed.getString("judgementReason")).isEqualTo("addresses are decades old");
        assertThat(proposed.getString("reason")).contains("a privacy officer judged disproportionate effort: addresses are"
                + " decades old");
    }

    @Test
    void theMediaChecklistComesFromTheRulesAndIsMarkedDoneWithEvidence() {
        Breach b = Breach.recorded();
        rules.terms.put(b.incidentId(), List.of(Breach.californiaInsufficientContact()));
        rules.obligations.put(b.incidentId(), List.of(new ObligationView(UUID.randomUUID(), b.incidentId(),
                ObligationKind.MEDIA_NOTICE, "hipaa", "US-CA", "prominent media outlets serving California", "initial",
                Instant.parse("2025-05-20T00:00:00Z"), null, ObligationStatus.OPEN,
                "More than 500 residents of California affected (45 CFR 164.406).", List.of("45 CFR 164.406"), "primary",
                600, null, null)));
        propose(b.incidentId(), Map.of());

        JsonPath list = TestUsers.asAnalyst().get(base(b.incidentId()) + "/media-checklist").then().statusCode(200)
                .extract().jsonPath();
        assertThat(list.getList("regimeId")).containsExactlyInAnyOrder("hipaa", "us-ca");
        assertThat(list.getList("done", Boolean.class)).containsOnly(false);
        String task = list.getString("find { it.regimeId == 'hipaa' }.id");

        TestUsers.asOfficer().contentType(ContentType.JSON).body(Map.of()).post(base(b.incidentId())
                + "/media-checklist/" + task + "/done").then().statusCode(400).body("errors.field", hasItem("evidence"));
        TestUsers.asOfficer().contentType(ContentType.JSON)
                .body(Map.of("evidence", "Press release sent to three outlets, reference PR-2025-04"))
                .post(base(b.incidentId()) + "/media-checklist/" + task + "/done").then().statusCode(200)
                .body("done", equalTo(true)).body("doneBy", equalTo("officer"));
        TestUsers.asAnalyst().get(base(b.incidentId()) + "/media-checklist").then().statusCode(200)
                .body("find { it.regimeId == 'hipaa' }.evidence", equalTo("Press release sent to three outlets, reference PR-2025-04"));
    }
}
