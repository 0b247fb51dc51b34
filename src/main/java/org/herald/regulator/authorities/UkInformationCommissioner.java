package org.herald.regulator.authorities;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.herald.incident.CauseFamily;
import org.herald.incident.DataCategory;
import org.herald.regulator.report.RegulatorReport;
import org.herald.regulator.report.ReportBuilder;
import org.herald.regulator.report.ReportDraft;
import org.herald.regulator.report.ReportFacts;

/** The UK ICO personal data breach report form (initial or follow-up report), its questions as labels. */
@ApplicationScoped
public class UkInformationCommissioner implements ReportBuilder {

    @Override
    public String authority() {
        return "uk-ico";
    }

    @Override
    public String authorityName() {
        return "UK Information Commissioner's Office";
    }

    @Override
    public Set<String> recipients() {
        return Set.of("ICO");
    }

    @Override
    public List<String> phases() {
        return List.of("initial", "follow-up");
    }

    @Override
    public RegulatorReport build(ReportFacts f, String phase) {
        ReportDraft d = new ReportDraft(f, this, "Report a personal data breach", phase, "en");
        d.section("report", "Report type")
                .field("report_type", "Report type", phase.equals("follow-up") ? "Follow-up report" : "Initial report", "")
                .fieldIn(Set.of("follow-up"), "ico_case_reference", "ICO case reference", f.lastFilingReference(),
                        "no ICO case reference: record it with the initial filing");
        d.section("breach", "About the breach")
                .field("nature_description", "What has happened?", f.situation("en"), "no basic situation")
                .field("cyber_incident", "Was the breach caused by a cyber incident?", cyber(f.incident().causeFamily()), "")
                .field("how_found", "How did you find out about the breach?", found(f), "no discovery method")
                .field("date_of_discovery", "When did you discover the breach?",
                        ReportFacts.time(f.incident().detectedAt()), "no detection time")
                .field("date_of_breach", "When did the breach happen?", f.occurred(), "no occurrence time")
                .field("categories_of_data", "Categories of personal data included in the breach", icoCategories(f),
                        "no exposed data categories")
                .optional("approx_records_count", "Number of personal data records concerned?", f.records(),
                        "no estimate of the records")
                .field("approx_subjects_count", "How many data subjects could be affected?", f.subjects(),
                        "neither an affected set nor an estimate")
                .optional("categories_of_subjects", "Categories of data subjects affected", null,
                        "Herald does not record categories of data subjects")
                .field("likely_consequences_or_harm", "Potential consequences", f.impact("en"), "no possible impact");
        d.section("response", "Taking action")
                .field("measures_taken", "Containment and recovery", f.measures("en"), "no measures")
                .optional("contained_at", "When was the breach contained?", ReportFacts.time(f.incident().containedAt()),
                        "no containment time")
                .field("told_subjects", "Have you told data subjects?", told(f), "")
                .field("contact_point_or_dpo", "Contact details (DPO or other contact)", f.contact("en"),
                        "no complete contact point");
        return d.delivery().announcement().build();
    }

    static String cyber(CauseFamily cause) {
        if (cause == null || cause == CauseFamily.UNKNOWN) {
            return "Don't know";
        }
        return switch (cause) {
            case HACKING, MALWARE, SOCIAL -> "Yes";
            default -> "No";
        };
    }

    private static String found(ReportFacts f) {
        if (f.incident().discoveryMethod() == null) {
            return null;
        }
        String how = switch (f.incident().discoveryMethod()) {
            case INTERNAL -> "Found internally";
            case EXTERNAL -> "Told by someone outside the organisation";
            case PARTNER -> "Told by a partner";
            case UNKNOWN -> "Not known";
        };
        return f.incident().discoveryNotes() == null ? how : how + ": " + f.incident().discoveryNotes();
    }

    static String icoCategories(ReportFacts f) {
        if (f.incident().dataCategories().isEmpty()) {
            return null;
        }
        return f.incident().dataCategories().stream().sorted().map(UkInformationCommissioner::ico).distinct()
                .collect(Collectors.joining("; "));
    }

    static String ico(DataCategory c) {
        return switch (c) {
            case CONTACT, IDENTITY -> "Basic personal identifiers, eg name, contact details";
            case CREDENTIALS -> "Identification data, eg usernames, passwords";
            case PAYMENT_CARD, FINANCIAL_ACCOUNT -> "Economic and financial data, eg credit card numbers, bank details";
            case GOVERNMENT_ID -> "Official documents, eg driving licences";
            case HEALTH -> "Health data";
            case BIOMETRIC -> "Genetic or biometric data";
            case PRECISE_LOCATION -> "Location data";
            case CHILDREN, OTHER -> "Other (please give details below)";
        };
    }

    private static String told(ReportFacts f) {
        long notified = f.delivery().subjectsNotified();
        return notified == 0 ? "No, not yet" : "Yes: " + notified + " told so far";
    }
}
