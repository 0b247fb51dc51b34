package org.herald.regulator.authorities;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.herald.regulator.hhs.HhsBreachCsv;
import org.herald.regulator.report.RegulatorReport;
import org.herald.regulator.report.ReportBuilder;
import org.herald.regulator.report.ReportDraft;
import org.herald.regulator.report.ReportFacts;

/**
 * US HHS Office for Civil Rights breach portal (45 CFR 164.408), for breaches of 500 or more; an
 * addendum corrects or completes an earlier submission. Vocabulary as on the public breach listing.
 */
@ApplicationScoped
public class HhsOfficeForCivilRights implements ReportBuilder {

    @Override
    public String authority() {
        return "us-hhs-ocr";
    }

    @Override
    public String authorityName() {
        return "US HHS Office for Civil Rights";
    }

    @Override
    public Set<String> recipients() {
        return Set.of("HHS_OCR");
    }

    @Override
    public List<String> phases() {
        return List.of("initial", "addendum");
    }

    @Override
    public RegulatorReport build(ReportFacts f, String phase) {
        ReportDraft d = new ReportDraft(f, this, "Notice to the Secretary of HHS of a breach of unsecured PHI", phase, "en");
        d.section("entity", "Covered entity")
                .field("Name of Covered Entity", "Name of Covered Entity", f.reporter().name(),
                        "no organisation name configured (herald.regulator.organisation-name)")
                .field("State", "State", f.reporter().usState(), "no US state configured (herald.regulator.us-state)")
                .field("Covered Entity Type", "Covered Entity Type", f.reporter().hhsEntityType(),
                        "no covered entity type configured (herald.regulator.hhs-entity-type)")
                .field("Business Associate Present", "Business Associate Present", HhsBreachCsv.businessAssociate(f), "")
                .section("breach", "Breach")
                .field("Individuals Affected", "Individuals Affected", f.subjects(), "no count of individuals affected")
                .field("Breach Start Date", "Breach Start Date", f.occurredFromDay(), "no occurrence time")
                .optional("Breach End Date", "Breach End Date", f.occurredToDay(), "no end of the breach recorded")
                .field("Discovery Date", "Discovery Date", ReportFacts.day(f.incident().detectedAt()), "no detection time")
                .field("Type of Breach", "Type of Breach", HhsBreachCsv.typeOfBreach(f), "no cause recorded")
                .field("Location of Breached Information", "Location of Breached Information",
                        HhsBreachCsv.location(f), "no affected systems recorded")
                .field("Type of Protected Health Information Involved", "Type of PHI involved", f.categories(),
                        "no exposed data categories")
                .field("Brief Description of the Breach", "Brief Description of the Breach", f.situation("en"),
                        "no basic situation")
                .optional("Safeguards in Place Prior to Breach", "Safeguards in place prior to the breach",
                        f.incident().encryption() == null ? null : f.incident().encryption().name(),
                        "no encryption state recorded")
                .section("notice", "Notice of breach and actions taken")
                .field("Individual Notice Provided Start Date", "Individual notice provided (start date)",
                        ReportFacts.day(f.delivery().firstSentAt()), "no individual notice sent yet")
                .field("Actions Taken in Response to Breach", "Actions taken in response to the breach",
                        f.measures("en"), "no measures in the notice content");
        return d.delivery().announcement("Substitute and media notice", "Substitute notice published",
                "Media outlets / web page").build();
    }
}
