package org.herald.regulator.authorities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.herald.regulator.ReportFactsFixtures.keys;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.herald.regulator.ReportFactsFixtures;
import org.herald.regulator.report.RegulatorReport;
import org.herald.regulator.report.ReportBuilder;
import org.herald.regulator.report.ReportField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each authority's report, built from a fully recorded incident (its fields carry Herald's values)
 * and from a bare draft (its "missing" list names exactly the required fields, with reasons).
 */
class ReportBuildersTest {

    static Stream<Arguments> builders() {
        return Stream.of(
                Arguments.of(new EuLeadSupervisoryAuthority(), "initial",
                        keys("nature_description", "categories_of_data", "approx_subjects_count", "date_of_discovery",
                                "contact_point_or_dpo"),
                        Map.of("approx_subjects_count", "1200", "date_of_discovery", "2025-03-21 10:30 UTC",
                                "contact_point_or_dpo", "Privacy Office, privacy@example.org, +1 202 555 0100",
                                "categories_of_data", "Contact details, Health data")),
                Arguments.of(new EuLeadSupervisoryAuthority(), "follow-up",
                        keys("nature_description", "categories_of_data", "approx_subjects_count", "date_of_discovery",
                                "contact_point_or_dpo", "approx_records_count", "containment",
                                "likely_consequences_or_harm", "measures_taken"),
                        Map.of("containment", "2025-03-22 09:00 UTC", "approx_records_count", "2400",
                                "measures_taken", "Measures in en")),
                Arguments.of(new UkInformationCommissioner(), "initial",
                        keys("nature_description", "how_found", "date_of_discovery", "date_of_breach",
                                "categories_of_data", "approx_subjects_count", "likely_consequences_or_harm",
                                "measures_taken", "contact_point_or_dpo"),
                        Map.of("cyber_incident", "Yes", "how_found", "Found internally: Found by log review",
                                "date_of_breach", "2025-03 to 2025-03-20",
                                "categories_of_data", "Basic personal identifiers, eg name, contact details; Health data",
                                "told_subjects", "Yes: 600 told so far")),
                Arguments.of(new UkInformationCommissioner(), "follow-up",
                        keys("nature_description", "how_found", "date_of_discovery", "date_of_breach",
                                "categories_of_data", "approx_subjects_count", "likely_consequences_or_harm",
                                "measures_taken", "contact_point_or_dpo", "ico_case_reference"),
                        Map.of("ico_case_reference", "ICO-REF-1", "report_type", "Follow-up report")),
                Arguments.of(new ChinaCyberspaceAdministration(), "initial",
                        keys("unit_name", "systems_affected", "date_of_discovery", "severity_grade"),
                        Map.of("unit_name", "Example Health Clinic", "systems_affected", "crm, mail-gateway",
                                "severity_grade", "一般", "categories_of_data", "联系方式、医疗健康信息",
                                "likely_consequences_or_harm", "可能导致联系方式泄露")),
                Arguments.of(new ChinaCyberspaceAdministration(), "summary",
                        keys("unit_name", "systems_affected", "date_of_discovery", "severity_grade",
                                "date_of_breach_or_range", "incident_type", "approx_subjects_count", "categories_of_data",
                                "likely_consequences_or_harm", "measures_taken", "cause", "contained_at",
                                "contact_point_or_dpo"),
                        Map.of("incident_type", "数据泄露", "cause", "网络攻击；Found by log review",
                                "contact_point_or_dpo", "个人信息保护办公室, privacy@example.org")),
                Arguments.of(new HhsOfficeForCivilRights(), "initial",
                        keys("Name of Covered Entity", "State", "Covered Entity Type", "Individuals Affected",
                                "Breach Start Date", "Discovery Date", "Type of Breach", "Location of Breached Information",
                                "Type of Protected Health Information Involved", "Brief Description of the Breach",
                                "Individual Notice Provided Start Date", "Actions Taken in Response to Breach"),
                        Map.of("Type of Breach", "Hacking/IT Incident", "Location of Breached Information",
                                "Email, Network Server", "Business Associate Present", "No", "Individuals Affected",
                                "1200", "Breach Start Date", "2025-03-01", "Individual Notice Provided Start Date",
                                "2025-03-22")),
                Arguments.of(new CaliforniaAttorneyGeneral(), "initial",
                        keys("organisation", "date_of_breach_or_range", "date_of_notice",
                                "count_residents_in_jurisdiction", "copy_of_individual_notice"),
                        Map.of("count_residents_in_jurisdiction", "700", "date_of_notice", "2025-03-22")),
                Arguments.of(new TexasAttorneyGeneral(), "initial",
                        keys("organisation", "nature_description", "categories_of_data",
                                "count_residents_in_jurisdiction", "date_of_notice", "measures_taken"),
                        Map.of("count_residents_in_jurisdiction", "300", "count_already_notified", "600")),
                Arguments.of(new FloridaAttorneyGeneral(), "initial",
                        keys("nature_description", "count_residents_in_jurisdiction", "services_offered",
                                "copy_of_individual_notice", "contact_point_or_dpo"),
                        Map.of("count_residents_in_jurisdiction", "100", "services_offered", "Remedies in en")),
                Arguments.of(new NewYorkAttorneyGeneral(), "initial",
                        keys("organisation", "date_of_breach_or_range", "date_of_discovery",
                                "count_residents_in_jurisdiction", "date_of_notice", "distribution", "categories_of_data",
                                "copy_of_individual_notice"),
                        Map.of("count_residents_in_jurisdiction", "50", "distribution", "email, sms")),
                Arguments.of(new MassachusettsAttorneyGeneral(), "initial",
                        keys("organisation", "nature_description", "count_residents_in_jurisdiction", "measures_taken"),
                        Map.of("count_residents_in_jurisdiction", "30")),
                Arguments.of(new SingaporePdpc(), "initial",
                        keys("organisation", "date_of_breach_or_range", "date_of_discovery", "nature_description",
                                "approx_subjects_count", "categories_of_data", "likely_consequences_or_harm",
                                "measures_taken", "contact_point_or_dpo"),
                        Map.of("count_residents_in_jurisdiction", "20")),
                Arguments.of(new JapanPpc(), "preliminary",
                        keys("nature_description", "categories_of_data", "approx_subjects_count", "date_of_discovery"),
                        Map.of("approx_subjects_count", "1200", "date_of_discovery", "2025-03-21")),
                Arguments.of(new JapanPpc(), "final",
                        keys("nature_description", "categories_of_data", "approx_subjects_count", "date_of_discovery",
                                "cause", "likely_consequences_or_harm", "measures_taken"),
                        Map.of("cause", "HACKING", "response_to_individuals", "600 / 1200")),
                Arguments.of(new BrazilAnpd(), "initial",
                        keys("organisation", "date_of_discovery", "nature_description", "categories_of_data",
                                "approx_subjects_count", "contact_point_or_dpo"),
                        Map.of("date_of_discovery", "2025-03-21 10:30 UTC")),
                Arguments.of(new BrazilAnpd(), "supplement",
                        keys("organisation", "date_of_discovery", "nature_description", "categories_of_data",
                                "approx_subjects_count", "contact_point_or_dpo", "security_measures",
                                "likely_consequences_or_harm", "measures_taken"),
                        Map.of("security_measures", "UNENCRYPTED")),
                Arguments.of(new KoreaPipc(), "initial",
                        keys("organisation", "categories_of_data", "approx_subjects_count", "date_of_breach_or_range",
                                "self_protection_advice", "measures_taken", "contact_point_or_dpo"),
                        Map.of("self_protection_advice", "Advice in en")),
                Arguments.of(new AustraliaOaic(), "initial",
                        keys("organisation", "contact_point_or_dpo", "nature_description", "categories_of_data",
                                "self_protection_advice"),
                        Map.of("organisation", "Example Health Clinic")),
                Arguments.of(new CanadaOpc(), "initial",
                        keys("organisation", "nature_description", "date_of_breach_or_range", "categories_of_data",
                                "approx_subjects_count", "measures_taken", "notification_steps", "contact_point_or_dpo"),
                        Map.of("notification_steps", "600 of 1200 notified")),
                Arguments.of(new IndiaDataProtectionBoard(), "initial",
                        keys("nature_description", "date_of_breach_or_range", "likely_consequences_or_harm"),
                        Map.of("location", "crm, mail-gateway")),
                Arguments.of(new IndiaDataProtectionBoard(), "detailed",
                        keys("nature_description", "date_of_breach_or_range", "likely_consequences_or_harm", "cause",
                                "measures_taken", "remedial_measures", "notices_report"),
                        Map.of("cause", "HACKING: Found by log review")));
    }

    @ParameterizedTest(name = "{0} {1}: fields from the incident")
    @MethodSource("builders")
    void fieldsCarryHeraldsValues(ReportBuilder builder, String phase, Set<String> required,
            Map<String, String> expected) {
        RegulatorReport report = builder.build(ReportFactsFixtures.complete(), phase);
        Map<String, String> values = report.values();
        expected.forEach((key, value) -> assertThat(values.get(key)).as(key).isEqualTo(value));
        assertThat(report.fileable()).as("missing: %s", report.missing()).isTrue();
        assertThat(report.phase()).isEqualTo(phase);
        assertThat(report.authority()).isEqualTo(builder.authority());
        // Delivery statistics are part of every report.
        assertThat(values).containsEntry("delivery.notified", "600").containsEntry("delivery.unreachable", "40")
                .containsEntry("delivery.email", "560").containsEntry("delivery.failed", "40");
        // So is the public announcement, when one was published.
        assertThat(values).containsEntry("announcement.publishedAt", "2025-03-24 09:00 UTC")
                .containsEntry("announcement.where", "https://breach.example.org/notices/inc-2025-0042")
                .containsEntry("announcement.updatedAt", "2025-03-25 15:30 UTC");
        assertThat(report.missing()).noneMatch(m -> m.key().startsWith("announcement."));
    }

    @ParameterizedTest(name = "{0} {1}: what a bare draft still misses")
    @MethodSource("builders")
    void missingListNamesEveryRequiredFieldWithAReason(ReportBuilder builder, String phase, Set<String> required,
            Map<String, String> expected) {
        RegulatorReport report = builder.build(ReportFactsFixtures.bareDraft(), phase);
        assertThat(report.fileable()).isFalse();
        Set<String> blocking = report.missing().stream().filter(RegulatorReport.Missing::blocking)
                .map(RegulatorReport.Missing::key).collect(Collectors.toSet());
        assertThat(blocking).isEqualTo(required);
        assertThat(report.missing()).allSatisfy(m -> assertThat(m.reason())
                .startsWith(m.blocking() ? "cannot be filed yet: " : "not known yet: "));
        // Without a published announcement both of its fields say so, and neither blocks filing.
        assertThat(report.missing()).filteredOn(m -> m.key().startsWith("announcement."))
                .extracting(RegulatorReport.Missing::key, RegulatorReport.Missing::blocking)
                .containsExactly(tuple("announcement.publishedAt", false), tuple("announcement.where", false));
    }

    @Test
    void everyBuilderHasItsOwnAuthorityCodeAndAtLeastOnePhase() {
        List<ReportBuilder> all = builders().map(a -> (ReportBuilder) a.get()[0]).toList();
        assertThat(all.stream().map(ReportBuilder::authority).distinct()).containsExactlyInAnyOrder("eu-lead-sa", "uk-ico",
                "cn-cac", "us-hhs-ocr", "us-ca-ag", "us-tx-ag", "us-fl-ag", "us-ny-ag", "us-ma-ag", "sg-pdpc", "jp-ppc",
                "br-anpd", "kr-pipc", "au-oaic", "ca-opc", "in-dpb");
        assertThat(all).allSatisfy(b -> assertThat(b.phases()).isNotEmpty());
    }

    @Test
    void chinaLabelsAreChineseAndTheGradeFollowsTheAnnexThresholds() {
        RegulatorReport report = new ChinaCyberspaceAdministration().build(ReportFactsFixtures.complete(), "initial");
        assertThat(report.sections().get(0).fields()).extracting(ReportField::label)
                .containsExactly("事发单位名称", "发生事件的网络或信息系统基本情况");
        assertThat(ChinaCyberspaceAdministration.grade(999_999L)).isEqualTo("一般");
        assertThat(ChinaCyberspaceAdministration.grade(1_000_000L)).isEqualTo("较大");
        assertThat(ChinaCyberspaceAdministration.grade(10_000_000L)).isEqualTo("重大");
        assertThat(ChinaCyberspaceAdministration.grade(100_000_000L)).isEqualTo("特别重大");
    }

    @Test
    void aLateGdprNotificationAsksForTheReasonsForDelay() {
        RegulatorReport report = new EuLeadSupervisoryAuthority().build(ReportFactsFixtures.complete(), "initial");
        // Aware 2025-03-21 10:30, report built 2025-03-23 12:00: within 72 hours, no reason asked.
        assertThat(report.values()).doesNotContainKey("reasons_for_delay");
        var late = ReportFactsFixtures.complete();
        var later = new org.herald.regulator.report.ReportFacts(late.incident(), late.organisation(), late.reporter(),
                late.affected(), late.obligations(), late.delivery(), late.announcement(), null, java.time.Instant.parse("2025-03-25T12:00:00Z"));
        assertThat(new EuLeadSupervisoryAuthority().build(later, "initial").missing())
                .extracting(RegulatorReport.Missing::key).contains("reasons_for_delay");
    }
}
