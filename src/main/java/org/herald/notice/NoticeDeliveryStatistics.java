package org.herald.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Delivery statistics from the notices of an incident's campaigns that were not cancelled. A HELD
 * notice (a letter waiting for its print batch to be handed over) is pending, not notified, and its
 * attempt counts with those still in flight ({@code retrying}) until the hand-over makes it sent.
 */
@ApplicationScoped
public class NoticeDeliveryStatistics implements DeliveryStatisticsSource {

    private final EntityManager em;

    NoticeDeliveryStatistics(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public DeliveryStatistics forIncident(UUID incidentId) {
        Object[] totals = (Object[]) em.createNativeQuery("""
                SELECT count(*),
                       count(*) FILTER (WHERE n.state IN ('SENT', 'DELIVERED')),
                       count(*) FILTER (WHERE n.state = 'UNREACHABLE'),
                       count(*) FILTER (WHERE n.state IN ('QUEUED', 'RETRY_SCHEDULED', 'HELD')),
                       min(n.first_sent_at), max(n.last_sent_at)
                  FROM notice n JOIN notice_campaign c ON c.id = n.campaign_id
                 WHERE c.incident_id = ?1 AND c.status <> 'CANCELLED'""").setParameter(1, incidentId).getSingleResult();
        long planned = ((Number) totals[0]).longValue();
        if (planned == 0) {
            return DeliveryStatistics.none(incidentId);
        }
        List<Object[]> rows = em.createNativeQuery("""
                SELECT a.channel,
                       count(*) FILTER (WHERE coalesce(a.feedback, a.outcome) IN ('ACCEPTED', 'DELIVERED')
                                          OR (a.outcome IN ('ACCEPTED', 'DELIVERED') AND a.feedback IS NULL)),
                       count(*) FILTER (WHERE coalesce(a.feedback, a.outcome) = 'DELIVERED'),
                       count(*) FILTER (WHERE coalesce(a.feedback, a.outcome) IN ('PERMANENT', 'OPTED_OUT')),
                       count(*) FILTER (WHERE coalesce(a.feedback, a.outcome) IN ('RETRYABLE', 'HELD') OR a.outcome IS NULL)
                  FROM notice_attempt a JOIN notice n ON n.id = a.notice_id JOIN notice_campaign c ON c.id = n.campaign_id
                 WHERE c.incident_id = ?1 AND c.status <> 'CANCELLED'
                 GROUP BY a.channel""").setParameter(1, incidentId).getResultList();
        Map<String, DeliveryStatistics.ChannelTotals> byChannel = new TreeMap<>();
        for (Object[] r : rows) {
            byChannel.put(((String) r[0]).toLowerCase(), new DeliveryStatistics.ChannelTotals(((Number) r[1]).longValue(),
                    ((Number) r[2]).longValue(), ((Number) r[3]).longValue(), ((Number) r[4]).longValue()));
        }
        List<Object[]> regimes = em.createNativeQuery("""
                SELECT o.regime_id, count(DISTINCT n.subject_id)
                  FROM notice n JOIN notice_campaign c ON c.id = n.campaign_id
                  JOIN notice_obligation o ON o.notice_id = n.id
                 WHERE c.incident_id = ?1 AND c.status <> 'CANCELLED' AND n.state = 'UNREACHABLE'
                 GROUP BY o.regime_id""").setParameter(1, incidentId).getResultList();
        Map<String, Long> unreachableByRegime = new TreeMap<>();
        for (Object[] r : regimes) {
            unreachableByRegime.put((String) r[0], ((Number) r[1]).longValue());
        }
        return new DeliveryStatistics(incidentId, planned, ((Number) totals[1]).longValue(),
                ((Number) totals[2]).longValue(), ((Number) totals[3]).longValue(), byChannel, instant(totals[4]),
                instant(totals[5]), unreachableByRegime);
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalArgumentException("not a time: " + value.getClass());
    }
}
