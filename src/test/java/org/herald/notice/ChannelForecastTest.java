package org.herald.notice;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.herald.rules.IndividualNoticeTerms;
import org.herald.rules.Obligations;
import org.herald.subject.Db;
import org.herald.subject.Imports;
import org.herald.testing.Fakes;
import org.herald.testing.TestUsers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The capacity forecast covers push, phone and letter notices like e-mail and SMS, and names the
 * obligation whose due time the campaign would miss at the configured provider rate (phone calls
 * at one per 100 s in this profile).
 */
@QuarkusTest
@TestProfile(AllChannelsProfile.class)
class ChannelForecastTest {

    private static final String HEADER = "source_system,external_ref,display_name,locale,country,region,minor,birth_year,"
            + "deceased,emails,phones,fcm_tokens,address_line1,address_city,address_postal_code,address_country,"
            + "channel_preference,marketing_opt_out";

    private final FakeObligations obligations = new FakeObligations();

    @BeforeEach
    void rules() {
        Fakes.install(obligations, Obligations.class);
    }

    @Test
    void pushPhoneAndLetterNoticesAreForecastAndASlowProviderMissesTheNearDueTime() {
        NoticeWorld w = new NoticeWorld();
        String csv = HEADER + "\n"
                + row(w, "P1", "", "", "fcm-forecast-token-" + w.tag, "", "PUSH")
                + row(w, "V1", "", NoticeWorld.phone(55), "", "", "VOICE")
                + row(w, "L1", "", "", "", "2 Example Street", "LETTER");
        JsonPath imported = Imports.importCsv("subjects", w.source, csv);
        assertThat(imported.getInt("rowsAccepted")).as(imported.prettify()).isEqualTo(3);
        Db.execute("""
                INSERT INTO affected_subject (incident_id, subject_id, categories)
                SELECT ?, id, ARRAY['CONTACT']::varchar(32)[] FROM data_subject WHERE source_system = ?""", w.incident, w.source);
        List<String> channels = List.of("push", "phone", "postal_mail");
        IndividualNoticeTerms soon = NoticeWorld.terms("US-NY/GBL-899-AA", Set.of("US"), channels,
                Instant.now().plus(60, ChronoUnit.SECONDS));
        IndividualNoticeTerms later = NoticeWorld.terms("US-CA/CIV-1798.82", Set.of("US"), channels,
                Instant.now().plus(30, ChronoUnit.DAYS));
        obligations.set(w.incident, List.of(soon, later));

        String campaign = w.plan();
        JsonPath view = TestUsers.asAuditor().get("/api/campaigns/" + campaign).then().statusCode(200).extract().jsonPath();

        Map<String, Object> push = forecastOf(view, "push");
        assertThat(push).containsEntry("provider", "direct").containsEntry("notices", 1);
        Map<String, Object> voice = forecastOf(view, "voice");
        assertThat(voice).containsEntry("provider", "sandbox").containsEntry("notices", 1)
                .containsEntry("rateConfigured", true).containsEntry("seconds", 100);
        Map<String, Object> letter = forecastOf(view, "letter");
        assertThat(letter).containsEntry("provider", "print-house").containsEntry("notices", 1);
        assertThat(view.getLong("forecast.totalSeconds")).isEqualTo(100);

        assertThat(view.getBoolean("forecast.missesADeadline")).isTrue();
        List<Map<String, Object>> due = view.getList("forecast.obligations");
        assertThat(due).anySatisfy(o -> assertThat(o).containsEntry("obligationId", soon.obligationId().toString())
                .containsEntry("missed", true));
        assertThat(due).anySatisfy(o -> assertThat(o).containsEntry("obligationId", later.obligationId().toString())
                .containsEntry("missed", false));

        // The campaign page shows the same per-channel forecast and the missed due time.
        String cookie = CampaignConsoleTest.signIn("analyst");
        Document page = Jsoup.parse(RestAssured.given().cookie("herald-session", cookie)
                .get("/console/campaigns/" + campaign).then().statusCode(200).extract().asString());
        for (String channel : List.of("push", "voice", "letter")) {
            assertThat(page.select("tr[data-forecast-channel=" + channel + "]")).as(channel).hasSize(1);
        }
        assertThat(page.select("tr[data-forecast-channel=voice] td").get(4).text()).isEqualTo("100");
        assertThat(page.getElementById("forecast-summary").text()).contains("it would miss a due time");
        assertThat(page.select("li[data-obligation=" + soon.obligationId() + "]").text()).contains("missed");
        assertThat(page.select("li[data-obligation=" + later.obligationId() + "]").text()).doesNotContain("missed");
    }

    private static String row(NoticeWorld w, String ref, String email, String phone, String fcm, String street,
            String preference) {
        return String.join(",", w.source, ref, "Test Subject " + ref, "en-US", "US", "", "false", "1980", "false",
                email, phone, fcm, street, street.isEmpty() ? "" : "Example City", street.isEmpty() ? "" : "90002",
                street.isEmpty() ? "" : "US", preference, "false") + "\n";
    }

    private static Map<String, Object> forecastOf(JsonPath view, String channel) {
        List<Map<String, Object>> all = view.getList("forecast.channels");
        return all.stream().filter(f -> channel.equals(f.get("channel"))).findFirst()
                .orElseThrow(() -> new AssertionError("no forecast for " + channel + ": " + all));
    }
}
