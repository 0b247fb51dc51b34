package org.herald.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.herald.channel.Channel;
import org.herald.channel.sms.SmsSegmentCounter;
import org.herald.channel.sms.SmsSegments;
import org.herald.incident.Incident;
import org.herald.incident.IncidentContent;
import org.herald.incident.IncidentRepository;
import org.herald.shared.problem.ProblemException;

/** Renders a campaign's wording for one of its notices (the sample subject), as that person would read it. */
@ApplicationScoped
public class CampaignPreview {

    private final NoticeCampaignRepository campaigns;
    private final IncidentRepository incidents;
    private final NoticeTemplates templates;
    private final NoticeConfig config;
    private final EntityManager em;

    CampaignPreview(NoticeCampaignRepository campaigns, IncidentRepository incidents, NoticeTemplates templates,
            NoticeConfig config, EntityManager em) {
        this.campaigns = campaigns;
        this.incidents = incidents;
        this.templates = templates;
        this.config = config;
        this.em = em;
    }

    public record Preview(String channel, String locale, String kind, List<String> locales, String title, String text,
            String html, String sha256, SmsSegments segments, String problem) {
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public Preview preview(UUID campaignId, Channel channel, String wantedLocale) {
        NoticeCampaign c = campaigns.findByIdOptional(campaignId)
                .orElseThrow(() -> ProblemException.notFound("campaign", campaignId));
        List<Object[]> sample = em.createNativeQuery("""
                SELECT id, kind, locale, recipient_role, array_to_string(categories, ',') FROM notice
                 WHERE campaign_id = ?1 ORDER BY (locale = ?2) DESC, id LIMIT 1""")
                .setParameter(1, campaignId).setParameter(2, wantedLocale == null ? "en" : wantedLocale).getResultList();
        if (sample.isEmpty()) {
            throw ProblemException.notFound("notice of campaign", campaignId);
        }
        Object[] n = sample.get(0);
        UUID noticeId = (UUID) n[0];
        String kind = (String) n[1];
        String locale = wantedLocale != null && !wantedLocale.isBlank() ? wantedLocale : (String) n[2];
        List<String> categories = n[4] == null || n[4].toString().isEmpty() ? List.of() : List.of(n[4].toString().split(","));
        List<String> locales = List.copyOf(templates.locales(kind, channel));
        Incident incident = incidents.findById(c.incidentId());
        Optional<NoticeTemplates.TemplateSet> set = templates.find(kind, channel, locale);
        Optional<IncidentContent> content = CampaignPlanner.contentFor(incident, locale);
        if (set.isEmpty() || content.isEmpty()) {
            return new Preview(channel.key(), locale, kind, locales, null, null, null, null, null,
                    set.isEmpty() ? "No " + channel.key() + " wording in " + locale : "The incident has no content in " + locale);
        }
        NoticeTemplates.Rendered r = templates.render(set.get(), NoticeModel.of(incident, content.get(),
                config.publicInfoBaseUrl(), CampaignPlanner.numberAffected(incident), categories, (String) n[3], noticeId,
                locale));
        SmsSegments segments = channel == Channel.SMS ? SmsSegmentCounter.count(r.text()) : null;
        return new Preview(channel.key(), locale, kind, locales, r.title(), r.text(), r.html(), r.sha256(), segments, null);
    }
}
