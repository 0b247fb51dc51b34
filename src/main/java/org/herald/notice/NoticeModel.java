package org.herald.notice;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.herald.incident.Incident;
import org.herald.incident.IncidentContent;

/**
 * What a notice template can say: {@code incident.*} (reference, title, infoUrl, numberAffected),
 * {@code content.*} (the six content elements), {@code subject.*} (categories exposed, recipient role)
 * and {@code notice.*} (enrolment code, locale). Holds no name or address: a notice never needs one
 * to be correct, and a wrong one is worse than none.
 */
final class NoticeModel {

    /** Rule vocabulary (MATRIX §21.9) → the model name that carries it. */
    static final Map<String, String> ELEMENT_REFERENCES = Map.ofEntries(
            Map.entry("nature_description", "content.basicSituation"),
            Map.entry("nature_of_breach", "content.basicSituation"),
            Map.entry("likely_consequences_or_harm", "content.possibleImpact"),
            Map.entry("measures_taken", "content.measures"),
            Map.entry("measures_planned", "content.measures"),
            Map.entry("self_protection_advice", "content.selfProtectionAdvice"),
            Map.entry("mitigation_for_subjects", "content.remedies"),
            Map.entry("services_offered", "content.remedies"),
            Map.entry("contact_point_or_dpo", "content.contactName"),
            Map.entry("number_affected", "incident.numberAffected"),
            Map.entry("approx_subjects_count", "incident.numberAffected"),
            Map.entry("categories_of_data", "subject.categories"),
            Map.entry("data_elements_list", "subject.categories"));

    /** The six content elements every notice carries unless a rule prohibits one: their model names. */
    static final Map<String, String> SIX = Map.of(
            "basicSituation", "content.basicSituation",
            "possibleImpact", "content.possibleImpact",
            "measures", "content.measures",
            "selfProtectionAdvice", "content.selfProtectionAdvice",
            "remedies", "content.remedies",
            "contactPoint", "content.contactName");

    private NoticeModel() {
    }

    /** Strips a parenthesised note, e.g. {@code mitigation_for_subjects(remedial_measures)}. */
    static String canonical(String element) {
        int paren = element.indexOf('(');
        return (paren < 0 ? element : element.substring(0, paren)).trim().toLowerCase(Locale.ROOT);
    }

    static Map<String, Object> of(Incident incident, IncidentContent content, String infoBaseUrl, long numberAffected,
            List<String> categories, String role, UUID noticeId, String locale) {
        Map<String, Object> inc = new HashMap<>();
        inc.put("reference", incident.reference());
        inc.put("title", incident.title());
        inc.put("infoUrl", infoBaseUrl + "/" + incident.reference());
        inc.put("numberAffected", numberAffected);
        return model(inc, contentMap(content), categories, role, noticeId, locale);
    }

    static Map<String, Object> contentMap(IncidentContent c) {
        Map<String, Object> m = new HashMap<>();
        m.put("basicSituation", c.basicSituation());
        m.put("possibleImpact", c.possibleImpact());
        m.put("measures", c.measures());
        m.put("selfProtectionAdvice", c.selfProtectionAdvice());
        m.put("remedies", c.remedies());
        m.put("contactName", c.contactName());
        m.put("contactEmail", c.contactEmail());
        m.put("contactPhone", c.contactPhone());
        m.put("contactAddress", c.contactAddress());
        return m;
    }

    static Map<String, Object> model(Map<String, Object> incident, Map<String, Object> content, List<String> categories,
            String role, UUID noticeId, String locale) {
        Map<String, Object> subject = new HashMap<>();
        subject.put("categories", categories);
        subject.put("role", role);
        Map<String, Object> notice = new HashMap<>();
        notice.put("enrolmentCode", enrolmentCode(noticeId));
        notice.put("locale", locale);
        notice.put("id", noticeId.toString());
        Map<String, Object> model = new HashMap<>();
        model.put("incident", incident);
        model.put("content", content);
        model.put("subject", subject);
        model.put("notice", notice);
        return model;
    }

    /** A code the person quotes to redeem a remedy; derived from the notice, so the same on every try. */
    static String enrolmentCode(UUID noticeId) {
        String hex = NoticeTemplates.sha256("enrolment:" + noticeId).toUpperCase(Locale.ROOT);
        return hex.substring(0, 4) + "-" + hex.substring(4, 8) + "-" + hex.substring(8, 12);
    }

    /** A complete, obviously fictional notice, used to check templates render. */
    static Map<String, Object> sample(String locale) {
        Map<String, Object> inc = new HashMap<>();
        inc.put("reference", "INC-SAMPLE-1");
        inc.put("title", "Sample incident");
        inc.put("infoUrl", "https://example.org/incidents/INC-SAMPLE-1");
        inc.put("numberAffected", 1200L);
        Map<String, Object> content = new HashMap<>();
        content.put("basicSituation", "Sample situation");
        content.put("possibleImpact", "Sample impact");
        content.put("measures", "Sample measures");
        content.put("selfProtectionAdvice", "Sample advice");
        content.put("remedies", "Sample remedies");
        content.put("contactName", "Sample Privacy Office");
        content.put("contactEmail", "privacy@example.org");
        content.put("contactPhone", "+1 202 555 0100");
        content.put("contactAddress", "1 Example Street");
        return model(inc, content, List.of("CONTACT"), "SUBJECT", new UUID(0, 1), locale);
    }
}
