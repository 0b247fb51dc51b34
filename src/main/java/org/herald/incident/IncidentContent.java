package org.herald.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The six content elements every individual notice must carry, in one locale. The contact point is
 * the office handling the incident, not a data subject.
 */
@Embeddable
public class IncidentContent {

    /** The element names, in the order notices present them. */
    public static final List<String> ELEMENTS = List.of("basicSituation", "possibleImpact", "measures",
            "selfProtectionAdvice", "remedies", "contactPoint");

    @Column(name = "basic_situation")
    private String basicSituation;
    @Column(name = "possible_impact")
    private String possibleImpact;
    @Column(name = "measures")
    private String measures;
    @Column(name = "self_protection_advice")
    private String selfProtectionAdvice;
    @Column(name = "remedies")
    private String remedies;
    @Column(name = "contact_name")
    private String contactName;
    @Column(name = "contact_email")
    private String contactEmail;
    @Column(name = "contact_phone")
    private String contactPhone;
    @Column(name = "contact_address")
    private String contactAddress;

    protected IncidentContent() {
    }

    public IncidentContent(String basicSituation, String possibleImpact, String measures, String selfProtectionAdvice,
            String remedies, String contactName, String contactEmail, String contactPhone, String contactAddress) {
        this.basicSituation = blankToNull(basicSituation);
        this.possibleImpact = blankToNull(possibleImpact);
        this.measures = blankToNull(measures);
        this.selfProtectionAdvice = blankToNull(selfProtectionAdvice);
        this.remedies = blankToNull(remedies);
        this.contactName = blankToNull(contactName);
        this.contactEmail = blankToNull(contactEmail);
        this.contactPhone = blankToNull(contactPhone);
        this.contactAddress = blankToNull(contactAddress);
    }

    /**
     * The elements still missing. A contact point is complete with a name and at least one way to
     * reach it (e-mail, phone or postal address).
     */
    public List<String> missingElements() {
        List<String> missing = new ArrayList<>();
        if (basicSituation == null) {
            missing.add("basicSituation");
        }
        if (possibleImpact == null) {
            missing.add("possibleImpact");
        }
        if (measures == null) {
            missing.add("measures");
        }
        if (selfProtectionAdvice == null) {
            missing.add("selfProtectionAdvice");
        }
        if (remedies == null) {
            missing.add("remedies");
        }
        if (contactName == null || (contactEmail == null && contactPhone == null && contactAddress == null)) {
            missing.add("contactPoint");
        }
        return missing;
    }

    public boolean isComplete() {
        return missingElements().isEmpty();
    }

    public boolean isEmpty() {
        return basicSituation == null && possibleImpact == null && measures == null && selfProtectionAdvice == null
                && remedies == null && contactName == null && contactEmail == null && contactPhone == null
                && contactAddress == null;
    }

    public String basicSituation() {
        return basicSituation;
    }

    public String possibleImpact() {
        return possibleImpact;
    }

    public String measures() {
        return measures;
    }

    public String selfProtectionAdvice() {
        return selfProtectionAdvice;
    }

    public String remedies() {
        return remedies;
    }

    public String contactName() {
        return contactName;
    }

    public String contactEmail() {
        return contactEmail;
    }

    public String contactPhone() {
        return contactPhone;
    }

    public String contactAddress() {
        return contactAddress;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IncidentContent c && Objects.equals(basicSituation, c.basicSituation)
                && Objects.equals(possibleImpact, c.possibleImpact) && Objects.equals(measures, c.measures)
                && Objects.equals(selfProtectionAdvice, c.selfProtectionAdvice) && Objects.equals(remedies, c.remedies)
                && Objects.equals(contactName, c.contactName) && Objects.equals(contactEmail, c.contactEmail)
                && Objects.equals(contactPhone, c.contactPhone) && Objects.equals(contactAddress, c.contactAddress);
    }

    @Override
    public int hashCode() {
        return Objects.hash(basicSituation, possibleImpact, measures, selfProtectionAdvice, remedies, contactName,
                contactEmail, contactPhone, contactAddress);
    }

    @Override
    public String toString() {
        return "IncidentContent[" + (isComplete() ? "complete" : "missing " + missingElements()) + "]";
    }
}
