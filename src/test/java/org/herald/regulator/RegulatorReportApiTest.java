package org.herald.regulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.herald.notice.DeliveryStatisticsSource;
import org.herald.regulator.hhs.HhsBreachCsv;
import org.herald.rules.ObligationKind;
import org.herald.rules.ObligationStatus;
import org.herald.rules.Obligations;
import org.herald.testing.Fakes;
import org.herald.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Regulator reports over HTTP: JSON with the missing list, CSV (the HHS portal's own columns for
 * HHS), PDF whose text (Chinese included) can be read back, the reports due from the obligations,
 * and filings with follow-ups that show what changed.
 */
@QuarkusTest
class RegulatorReportApiTest {

    private final FakeContracts.FakeObligations obligations = new FakeContracts.FakeObligations();
    private final FakeContracts.FakeDeliveries deliveries = new FakeContracts.FakeDeliveries();

    @BeforeEach
    void installFakes() {
        Fakes.install(obligations, Obligations.class);
        Fakes.install(deliveries, DeliveryStatisticsSource.class);
    }

    @Test
    void aJsonReportCarriesTheIncidentsFactsTheDeliveryStatisticsAndWhatIsMissing() {
        String id = ReportFixtures.createCompleteIncident("Portal breach");
        deliveries.byIncident.put(UUID.fromString(id), FakeContracts.halfNotified(UUID.fromString(id)));
        TestUsers.asAuditor().get("/api/incidents/" + id + "/reports/eu-lead-sa?format=json")
                .then().statusCode(200)
                .body("authority", equalTo("eu-lead-sa"))
                .body("phase", equalTo("initial"))
                .body("fileable", equalTo(true))
                .body("sections.find { it.key == 'nature' }.fields.find { it.key == 'approx_subjects_count' }.value",
                        equalTo("1200"))
                .body("sections.find { it.key == 'delivery' }.fields.find { it.key == 'delivery.notified' }.value",
                        equalTo("600"))
                .body("missing.key", hasItem("announcement.publishedAt"))
                .body("missing.key", hasItem("categories_of_subjects"));
    }

    @Test
    void aDraftReportSaysWhatItCannotBeFiledWithout() {
        String id = ReportFixtures.createDraft("Lost laptop");
        TestUsers.asAnalyst().get("/api/incidents/" + id + "/reports/eu-lead-sa?phase=follow-up")
                .then().statusCode(200)
                .body("fileable", equalTo(false))
                .body("missing.find { it.key == 'containment' }.reason", equalTo("cannot be filed yet: no containment time"))
                .body("missing.find { it.key == 'containment' }.blocking", equalTo(true));
    }

    @Test
    void theHhsCsvHasExactlyTheColumnsOfTheRealBreachPortalFileAndItsVocabulary() throws IOException {
        String realHeader = ReferenceData.hhsBreachReport().get(0);
        Map<String, Object> body = ReportFixtures.completeIncident("Clinic mail breach");
        body.put("systems", List.of("mail-server", "ehr"));
        String id = ReportFixtures.create(body);
        String csv = TestUsers.asAnalyst().get("/api/incidents/" + id + "/reports/us-hhs-ocr?format=csv")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        String[] lines = csv.split("\n");
        assertThat(lines[0]).isEqualTo(realHeader);
        assertThat(String.join(",", HhsBreachCsv.HEADER)).isEqualTo(realHeader);
        CSVRecord row = CSVFormat.DEFAULT.builder().setHeader().get().parse(new StringReader(csv)).getRecords().get(0);
        assertThat(row.get("Name of Covered Entity")).isEqualTo("Example Health Clinic");
        assertThat(row.get("State")).isEqualTo("CA");
        assertThat(row.get("Covered Entity Type")).isEqualTo("Healthcare Provider");
        assertThat(row.get("Individuals Affected")).isEqualTo("1200");
        assertThat(row.get("Type of Breach")).isEqualTo("Hacking/IT Incident");
        assertThat(row.get("Location of Breached Information")).isEqualTo("Electronic Medical Record, Email");
        assertThat(row.get("Business Associate Present")).isEqualTo("No");
        assertThat(row.get("Breach Submission Date")).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(row.get("Year")).isEqualTo(String.valueOf(LocalDate.now(ZoneOffset.UTC).getYear()));
        // Every value comes from the vocabulary the real file uses.
        List<CSVRecord> real = CSVFormat.DEFAULT.builder().setHeader().get()
                .parse(new StringReader(String.join("\n", ReferenceData.hhsBreachReport()))).getRecords();
        assertThat(real).extracting(r -> r.get("Covered Entity Type")).contains(row.get("Covered Entity Type"));
        assertThat(real).extracting(r -> r.get("Type of Breach")).contains(row.get("Type of Breach"));
        List<String> locationsSeen = real.stream()
                .flatMap(r -> java.util.Arrays.stream(r.get("Location of Breached Information").split(", "))).toList();
        assertThat(locationsSeen).contains(row.get("Location of Breached Information").split(", "));
        assertThat(real).extracting(r -> r.get("Business Associate Present")).contains(row.get("Business Associate Present"));
    }

    @Test
    void otherReportsCsvListsOneFieldPerRow() throws IOException {
        String id = ReportFixtures.createDraft("Misaddressed letter");
        String csv = TestUsers.asAnalyst().get("/api/incidents/" + id + "/reports/uk-ico?format=csv")
                .then().statusCode(200).extract().asString();
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().get().parse(new StringReader(csv)).getRecords();
        assertThat(rows.get(0).getParser().getHeaderNames())
                .containsExactly("section", "key", "label", "value", "required", "missing");
        CSVRecord what = rows.stream().filter(r -> r.get("key").equals("nature_description")).findFirst().orElseThrow();
        assertThat(what.get("label")).isEqualTo("What has happened?");
        assertThat(what.get("missing")).isEqualTo("cannot be filed yet: no basic situation");
    }

    @Test
    void aPdfReportIsRenderedAndItsTextIncludingChineseCanBeReadBack() throws IOException {
        String id = ReportFixtures.createCompleteIncident("Portal breach");
        byte[] pdf = TestUsers.asOfficer().get("/api/incidents/" + id + "/reports/cn-cac?format=pdf&phase=summary")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        assertThat(text).as(text).contains("网络安全事件总结报告", "事发单位名称", "Example Health Clinic", "billing, crm",
                "可能导致联系方式和支付卡信息泄露", "已隔离受影响的系统并重置凭据", "联系方式、银行卡信息", "公告发布时间");
        String ico;
        byte[] english = TestUsers.asOfficer().get("/api/incidents/" + id + "/reports/uk-ico?format=pdf")
                .then().statusCode(200).extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(english)) {
            ico = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        assertThat(ico).as(ico).contains("Report a personal data breach", "What has happened?", "Situation in en",
                "UK Information Commissioner's Office", "every required field has a value",
                "no public announcement published");
    }

    @Test
    void theReportsDueComeFromTheAuthorityObligations() {
        String id = ReportFixtures.createCompleteIncident("Portal breach");
        UUID incident = UUID.fromString(id);
        obligations.byIncident.put(incident, List.of(
                FakeContracts.obligation(incident, ObligationKind.AUTHORITY_NOTICE, "EU_LEAD_SA", "EU", "initial",
                        Instant.parse("2025-03-24T10:30:00Z"), ObligationStatus.OPEN, "GDPR Art. 33"),
                FakeContracts.obligation(incident, ObligationKind.AG_NOTICE, "CA_AG", "US-CA", null,
                        Instant.parse("2025-04-10T00:00:00Z"), ObligationStatus.OPEN, "Civ. Code 1798.82(f)"),
                FakeContracts.obligation(incident, ObligationKind.INDIVIDUAL_NOTICE, null, "EU", null,
                        null, ObligationStatus.OPEN, "GDPR Art. 34")));
        TestUsers.asAuditor().get("/api/incidents/" + id + "/reports")
                .then().statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].authority", equalTo("eu-lead-sa"))
                .body("[0].fileable", equalTo(true))
                .body("[0].dueAt", equalTo("2025-03-24T10:30:00Z"))
                .body("[1].authority", equalTo("us-ca-ag"))
                .body("[1].fileable", equalTo(false))
                .body("[1].missing.key", hasItem("count_residents_in_jurisdiction"));
        TestUsers.asAuditor().get("/api/incidents/" + id + "/reports/eu-lead-sa")
                .then().statusCode(200).body("obligationId", equalTo(obligations.byIncident.get(incident).get(0).id().toString()));
    }

    @Test
    void filingRecordsVersionWhoWhenAndReferenceAndAFollowUpShowsWhatChanged() {
        String id = ReportFixtures.createCompleteIncident("Portal breach");
        UUID obligation = UUID.randomUUID();
        TestUsers.asOfficer().contentType(ContentType.JSON)
                .body(Map.of("phase", "initial", "obligationId", obligation.toString(), "authorityReference", "ICO-2025-0001"))
                .post("/api/incidents/" + id + "/reports/uk-ico/filings")
                .then().statusCode(201)
                .body("version", equalTo(1))
                .body("filedBy", equalTo("officer"))
                .body("filedAt", notNullValue())
                .body("obligationId", equalTo(obligation.toString()))
                .body("authorityReference", equalTo("ICO-2025-0001"));

        String etag = TestUsers.asAnalyst().get("/api/incidents/" + id).then().extract().header("ETag");
        TestUsers.asAnalyst().contentType("application/merge-patch+json").header("If-Match", etag)
                .body(Map.of("estimatedSubjects", 1500)).patch("/api/incidents/" + id).then().statusCode(200);

        TestUsers.asOfficer().get("/api/incidents/" + id + "/reports/uk-ico?phase=follow-up")
                .then().statusCode(200)
                .body("lastFiledVersion", equalTo(1))
                .body("values", nullValue())
                .body("changes.find { it.key == 'approx_subjects_count' }.filed", equalTo("1200"))
                .body("changes.find { it.key == 'approx_subjects_count' }.now", equalTo("1500"))
                .body("changes.find { it.key == 'report_type' }.now", equalTo("Follow-up report"))
                .body("sections[0].fields.find { it.key == 'ico_case_reference' }.value", equalTo("ICO-2025-0001"));

        TestUsers.asOfficer().contentType(ContentType.JSON).body(Map.of("phase", "follow-up"))
                .post("/api/incidents/" + id + "/reports/uk-ico/filings")
                .then().statusCode(201).body("version", equalTo(2)).body("phase", equalTo("follow-up"));
        TestUsers.asAuditor().get("/api/incidents/" + id + "/filings")
                .then().statusCode(200).body("version", equalTo(List.of(1, 2)));
        TestUsers.asAuditor().get("/api/incidents/" + id + "/timeline")
                .then().statusCode(200).body("action", hasItem("report-filed"));
    }

    @Test
    void anIncompleteReportCannotBeFiledAndOnlyAPrivacyOfficerFiles() {
        String id = ReportFixtures.createDraft("Lost laptop");
        TestUsers.asOfficer().contentType(ContentType.JSON).body(Map.of())
                .post("/api/incidents/" + id + "/reports/eu-lead-sa/filings")
                .then().statusCode(409)
                .body("errors.field", hasItem("date_of_discovery"));
        TestUsers.asAnalyst().contentType(ContentType.JSON).body(Map.of())
                .post("/api/incidents/" + id + "/reports/eu-lead-sa/filings")
                .then().statusCode(403);
    }

    @Test
    void unknownAuthoritiesPhasesAndFormatsNameTheField() {
        String id = ReportFixtures.createDraft("Lost laptop");
        TestUsers.asAnalyst().get("/api/incidents/" + id + "/reports/mars-authority")
                .then().statusCode(404).body("errors[0].field", equalTo("authority"));
        TestUsers.asAnalyst().get("/api/incidents/" + id + "/reports/jp-ppc?phase=initial")
                .then().statusCode(400).body("errors[0].field", equalTo("phase"));
        TestUsers.asAnalyst().get("/api/incidents/" + id + "/reports/jp-ppc?format=docx")
                .then().statusCode(400).body("errors[0].field", equalTo("format"));
        TestUsers.anonymous().get("/api/incidents/" + id + "/reports/jp-ppc").then().statusCode(401);
    }
}
