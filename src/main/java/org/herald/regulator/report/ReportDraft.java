package org.herald.regulator.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.herald.notice.DeliveryStatistics;
import org.herald.rules.ObligationView;

/** Collects a report's sections and fields, and what is missing, while a builder fills them in. */
public final class ReportDraft {

    private final ReportFacts facts;
    private final ReportBuilder builder;
    private final String title;
    private final String phase;
    private final String language;
    private final List<ReportSection> sections = new ArrayList<>();
    private final List<RegulatorReport.Missing> missing = new ArrayList<>();
    private String sectionKey;
    private String sectionTitle;
    private List<ReportField> fields;

    public ReportDraft(ReportFacts facts, ReportBuilder builder, String title, String phase, String language) {
        this.facts = facts;
        this.builder = builder;
        this.title = title;
        this.phase = phase;
        this.language = language;
    }

    public ReportDraft section(String key, String sectionTitle) {
        closeSection();
        this.sectionKey = key;
        this.sectionTitle = sectionTitle;
        this.fields = new ArrayList<>();
        return this;
    }

    /** A field the authority requires; without a value the report cannot be filed, for {@code why}. */
    public ReportDraft field(String key, String label, Object value, String why) {
        return add(key, label, value, true, why);
    }

    /** A field asked for "where possible": missing it is listed but does not stop the filing. */
    public ReportDraft optional(String key, String label, Object value, String why) {
        return add(key, label, value, false, why);
    }

    /** Required only in some phases. */
    public ReportDraft fieldIn(Set<String> requiredInPhases, String key, String label, Object value, String why) {
        return add(key, label, value, requiredInPhases.contains(phase), why);
    }

    private ReportDraft add(String key, String label, Object value, boolean required, String why) {
        String text = value == null || value.toString().isBlank() ? null : value.toString();
        String reason = text != null ? null : (required ? "cannot be filed yet: " : "not known yet: ") + why;
        fields.add(new ReportField(key, label, text, required, reason));
        if (text == null) {
            missing.add(new RegulatorReport.Missing(key, label, reason, required));
        }
        return this;
    }

    /** How the individual notices went: planned, notified per channel, failed, unreachable. */
    public ReportDraft delivery(Map<String, String> labels) {
        DeliveryStatistics d = facts.delivery();
        section("delivery", labels.getOrDefault("title", "Notification of individuals"));
        optional("delivery.planned", labels.getOrDefault("planned", "Individuals to notify"), d.subjectsPlanned(), "");
        optional("delivery.notified", labels.getOrDefault("notified", "Individuals notified"), d.subjectsNotified(), "");
        for (String channel : List.of("email", "sms", "push", "voice", "letter")) {
            DeliveryStatistics.ChannelTotals t = d.byChannel().get(channel);
            if (t != null) {
                optional("delivery." + channel, labels.getOrDefault("channel", "Delivered by") + " " + channel,
                        t.delivered(), "");
            }
        }
        long failed = d.byChannel().values().stream().mapToLong(DeliveryStatistics.ChannelTotals::failed).sum();
        optional("delivery.failed", labels.getOrDefault("failed", "Notices failed"), failed, "");
        optional("delivery.unreachable", labels.getOrDefault("unreachable", "Individuals unreachable"),
                d.subjectsUnreachable(), "");
        optional("delivery.pending", labels.getOrDefault("pending", "Notices still pending"), d.subjectsPending(), "");
        optional("delivery.firstSentAt", labels.getOrDefault("firstSentAt", "First notice sent"),
                ReportFacts.time(d.firstSentAt()), "no notice sent yet");
        optional("delivery.lastSentAt", labels.getOrDefault("lastSentAt", "Last notice sent"),
                ReportFacts.time(d.lastSentAt()), "no notice sent yet");
        return this;
    }

    public ReportDraft delivery() {
        return delivery(Map.of());
    }

    /**
     * The public announcement (substitute notice): when and where it was published, and when it was
     * withdrawn. Never blocking: most incidents need none; without one both fields say so.
     */
    public ReportDraft announcement(String sectionTitle, String publishedAtLabel, String whereLabel) {
        section("announcement", sectionTitle);
        PublishedAnnouncement a = facts.announcement();
        String none = "no public announcement published";
        optional("announcement.publishedAt", publishedAtLabel, a == null ? null : ReportFacts.time(a.publishedAt()), none);
        optional("announcement.where", whereLabel, a == null ? null : a.publicUrl(), none);
        if (a != null && a.updatedAt() != null && !a.updatedAt().equals(a.publishedAt())) {
            optional("announcement.updatedAt", "Last updated", ReportFacts.time(a.updatedAt()), "");
        }
        if (a != null && a.withdrawnAt() != null) {
            optional("announcement.withdrawnAt", "Withdrawn at", ReportFacts.time(a.withdrawnAt()), "");
        }
        return this;
    }

    public ReportDraft announcement() {
        return announcement("Public announcement", "Published at", "Published where");
    }

    public RegulatorReport build() {
        closeSection();
        ObligationView obligation = facts.obligationFor(builder.recipients(), phase).orElse(null);
        boolean fileable = missing.stream().noneMatch(RegulatorReport.Missing::blocking);
        return new RegulatorReport(builder.authority(), builder.authorityName(), title, phase, language,
                facts.incident().id(), facts.incident().reference(), facts.now(),
                obligation == null ? null : obligation.id(), obligation == null ? null : obligation.dueAt(),
                List.copyOf(sections), List.copyOf(missing), fileable, null, List.of());
    }

    private void closeSection() {
        if (fields != null) {
            sections.add(new ReportSection(sectionKey, sectionTitle, List.copyOf(fields)));
            fields = null;
        }
    }

    public ReportFacts facts() {
        return facts;
    }

    public String phase() {
        return phase;
    }
}
