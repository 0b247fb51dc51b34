package org.herald.notice;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.SortedMap;
import org.herald.incident.Incident;
import org.herald.incident.IncidentContent;

/**
 * The hash an approval binds to: SHA-256 over the incident's notice content (every locale, every
 * element) and the wording templates' hash. Any change to either yields another hash.
 */
@ApplicationScoped
public class ApprovalHash {

    private final NoticeTemplates templates;

    ApprovalHash(NoticeTemplates templates) {
        this.templates = templates;
    }

    public String of(Incident incident) {
        StringBuilder sb = new StringBuilder("herald-approval-v1\n");
        SortedMap<String, IncidentContent> content = incident.content();
        for (Map.Entry<String, IncidentContent> e : content.entrySet()) {
            IncidentContent c = e.getValue();
            sb.append("locale\u0000").append(e.getKey());
            for (String v : new String[] {c.basicSituation(), c.possibleImpact(), c.measures(),
                    c.selfProtectionAdvice(), c.remedies(), c.contactName(), c.contactEmail(), c.contactPhone(),
                    c.contactAddress()}) {
                sb.append('\u0000').append(v == null ? "\u0002" : v);
            }
            sb.append('\u0001');
        }
        sb.append("templates\u0000").append(templates.hash());
        return NoticeTemplates.sha256(sb.toString());
    }
}
