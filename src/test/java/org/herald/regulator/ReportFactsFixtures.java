package org.herald.regulator;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.herald.incident.BreachType;
import org.herald.incident.CauseFamily;
import org.herald.incident.DataCategory;
import org.herald.incident.DiscoveryMethod;
import org.herald.incident.EncryptionState;
import org.herald.incident.Exfiltration;
import org.herald.incident.Incident;
import org.herald.incident.IncidentContent;
import org.herald.incident.OrganisationProfile;
import org.herald.incident.OrganisationRole;
import org.herald.incident.PartialTime;
import org.herald.incident.Severity;
import org.herald.notice.DeliveryStatistics;
import org.herald.regulator.report.PublishedAnnouncement;
import org.herald.regulator.report.ReportFacts;
import org.herald.regulator.report.Reporter;
import org.herald.subject.affected.AffectedSummary;

/** Report facts built in memory for the builder tests: a fully recorded incident, and a bare draft. */
public final class ReportFactsFixtures {

    public static final Instant NOW = Instant.parse("2025-03-23T12:00:00Z");

    private ReportFactsFixtures() {
    }

    /** A hacking incident with every fact recorded, 1,200 people affected, half of them notified. */
    public static ReportFacts complete() {
        Incident i = new Incident(UUID.randomUUID(), "INC-2025-0042", "Customer portal breach", Severity.HIGH,
                "analyst", Instant.parse("2025-03-21T09:00:00Z"));
        i.classify(EnumSet.of(BreachType.CONFIDENTIALITY), CauseFamily.HACKING, DiscoveryMethod.INTERNAL,
                "Found by log review", NOW);
        i.recordTimes(PartialTime.parse("2025-03"), PartialTime.parse("2025-03-20"),
                Instant.parse("2025-03-21T08:00:00Z"), Instant.parse("2025-03-21T10:30:00Z"),
                Instant.parse("2025-03-22T09:00:00Z"), NOW);
        i.recordExposure(List.of("crm", "mail-gateway"), EnumSet.of(DataCategory.CONTACT, DataCategory.HEALTH),
                EncryptionState.UNENCRYPTED, Exfiltration.POSSIBLE, 1500L, 2400L, NOW);
        i.writeContent(Map.of("en", content("en"), "zh-CN", new IncidentContent("客户信息系统遭到未经授权的访问",
                "可能导致联系方式泄露", "已隔离受影响的系统", "请留意可疑邮件", "免费信用监控", "个人信息保护办公室",
                "privacy@example.org", null, null)), NOW);
        AffectedSummary affected = new AffectedSummary(i.id(), AffectedSummary.ScopeMethod.SELECTORS, NOW, "analyst",
                1200, List.of(new AffectedSummary.Jurisdiction("US", "US-CA", 700),
                        new AffectedSummary.Jurisdiction("US", "US-TX", 300),
                        new AffectedSummary.Jurisdiction("US", "US-FL", 100),
                        new AffectedSummary.Jurisdiction("US", "US-NY", 50),
                        new AffectedSummary.Jurisdiction("US", "US-MA", 30),
                        new AffectedSummary.Jurisdiction("SG", null, 20)),
                List.of(), 3, 0, new AffectedSummary.Reachability(1100, 900, 100, 1000, 40), 0);
        DeliveryStatistics delivery = new DeliveryStatistics(i.id(), 1200, 600, 40, 560,
                Map.of("email", new DeliveryStatistics.ChannelTotals(650, 560, 30, 5),
                        "sms", new DeliveryStatistics.ChannelTotals(60, 40, 10, 0)),
                Instant.parse("2025-03-22T10:00:00Z"), Instant.parse("2025-03-23T10:00:00Z"));
        return new ReportFacts(i, new OrganisationProfile(OrganisationRole.CONTROLLER, List.of("DE"), true, false, false,
                false), new Reporter("Example Health Clinic", "CA", "Healthcare Provider"), affected, List.of(), delivery,
                new PublishedAnnouncement(Instant.parse("2025-03-24T09:00:00Z"), Instant.parse("2025-03-25T15:30:00Z"),
                        "https://breach.example.org/notices/inc-2025-0042", null),
                "ICO-REF-1", NOW);
    }

    /** A draft with only a title: nothing known, nothing configured, nothing sent. */
    public static ReportFacts bareDraft() {
        Incident i = new Incident(UUID.randomUUID(), "INC-2025-0043", "Something happened", Severity.MEDIUM, "analyst",
                NOW);
        return new ReportFacts(i, new OrganisationProfile(OrganisationRole.CONTROLLER, null, false, false, false, false),
                new Reporter(null, null, null), null, List.of(), DeliveryStatistics.none(i.id()), null, null, NOW);
    }

    static IncidentContent content(String locale) {
        return new IncidentContent("Situation in " + locale, "Impact in " + locale, "Measures in " + locale,
                "Advice in " + locale, "Remedies in " + locale, "Privacy Office", "privacy@example.org",
                "+1 202 555 0100", null);
    }

    public static Set<String> keys(String... keys) {
        return Set.of(keys);
    }
}
