package org.herald.notice;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.herald.audit.AuditLog;

/**
 * Settles individual notices that a published announcement replaced. A rule whose substitute
 * notice covers the whole class (the US states) writes an {@code announcement_settlement} row when
 * the announcement is published; from then on a notice not yet sent whose every obligation is so
 * settled is not sent: it ends {@code SETTLED}, naming the announcement. Where the rule still owes
 * "e-mail where available", a notice with e-mail still ahead in its chain is sent by e-mail
 * alone (no fallback after it); any other is settled. Rules whose announcement covers only the unreached
 * (HIPAA, Korea) settle nothing here: their notices go on.
 *
 * <p>A notice a worker holds at that moment is left alone and settled at the next pass if it comes
 * back unsent; sending one individual notice too many never breaks a law, missing one would. For
 * the same reason a HELD notice (a letter already rendered into the print queue, waiting for its
 * batch to be handed to the print house) is not settled: the letter goes out with its batch and the
 * hand-over makes the notice SENT. Should the letter come back, the notice falls back to its next
 * channel, and that notice, not yet sent, is settled at the next pass.
 */
@ApplicationScoped
public class AnnouncementSettlements {

    /** Notices still to send whose every obligation a whole-class settlement of the same incident covers. */
    private static final String COVERED = """
            SELECT n.id, n.campaign_id, n.chain, n.chain_pos, c.email_owed, c.announcement_id
              FROM notice n
              JOIN (SELECT o.notice_id, bool_or(s.email_where_available) AS email_owed,
                           (array_agg(s.announcement_id ORDER BY s.settled_at, s.announcement_id))[1] AS announcement_id
                      FROM notice m
                      JOIN notice_obligation o ON o.notice_id = m.id
                      JOIN announcement_settlement s ON s.incident_id = m.incident_id AND s.regime_id = o.regime_id
                                                    AND s.whole_class
                     WHERE m.state IN ('QUEUED', 'RETRY_SCHEDULED') AND m.settled_by IS NULL
                       AND (CAST(? AS uuid) IS NULL OR m.incident_id = CAST(? AS uuid))
                     GROUP BY o.notice_id
                    HAVING count(DISTINCT o.obligation_id)
                           = (SELECT count(*) FROM notice_obligation a WHERE a.notice_id = o.notice_id)) c
                ON c.notice_id = n.id
             WHERE n.state IN ('QUEUED', 'RETRY_SCHEDULED') AND n.settled_by IS NULL
               AND (n.lease_until IS NULL OR n.lease_until < ?)
             FOR UPDATE OF n SKIP LOCKED""";

    private final AgroalDataSource dataSource;
    private final AuditLog audit;
    private final Clock clock;

    AnnouncementSettlements(AgroalDataSource dataSource, AuditLog audit, Clock clock) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.clock = clock;
    }

    /** What one pass did to one campaign. */
    public record Settled(long settled, long emailOnly) {
    }

    @Scheduled(every = "${herald.notice.settlement-poll:15s}", identity = "announcement-settlements",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void everywhere() {
        settle(null);
    }

    /** Applies every published whole-class settlement of one incident (of all incidents when null). */
    public Map<UUID, Settled> settle(UUID incidentId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return apply(c, incidentId);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot settle notices by announcement", e);
            }
        });
    }

    private Map<UUID, Settled> apply(Connection c, UUID incidentId) throws SQLException {
        Instant now = Instant.now(clock);
        Map<UUID, long[]> byCampaign = new TreeMap<>();
        try (PreparedStatement find = c.prepareStatement(COVERED);
                PreparedStatement settle = c.prepareStatement("""
                        UPDATE notice SET state = 'SETTLED', settled_by = ?, finished_at = ?, lease_owner = NULL,
                                          lease_until = NULL
                         WHERE id = ?""");
                PreparedStatement emailOnly = c.prepareStatement("""
                        UPDATE notice SET chain = 'EMAIL', chain_pos = 0, channel = 'EMAIL',
                                          channel_attempts = CASE WHEN channel = 'EMAIL' THEN channel_attempts ELSE 0 END,
                                          reuse_key = CASE WHEN channel = 'EMAIL' THEN reuse_key ELSE NULL END,
                                          settled_by = ?
                         WHERE id = ?""")) {
            Timestamp at = Timestamp.from(now);
            find.setObject(1, incidentId);
            find.setObject(2, incidentId);
            find.setTimestamp(3, at);
            try (ResultSet rs = find.executeQuery()) {
                while (rs.next()) {
                    UUID notice = rs.getObject(1, UUID.class);
                    UUID campaign = rs.getObject(2, UUID.class);
                    boolean emailOwed = rs.getBoolean(5);
                    UUID announcement = rs.getObject(6, UUID.class);
                    long[] counts = byCampaign.computeIfAbsent(campaign, k -> new long[2]);
                    if (emailOwed && emailStillAhead(rs.getString(3), rs.getInt(4))) {
                        emailOnly.setObject(1, announcement);
                        emailOnly.setObject(2, notice);
                        emailOnly.addBatch();
                        counts[1]++;
                    } else {
                        settle.setObject(1, announcement);
                        settle.setTimestamp(2, at);
                        settle.setObject(3, notice);
                        settle.addBatch();
                        counts[0]++;
                    }
                }
            }
            settle.executeBatch();
            emailOnly.executeBatch();
        }
        Map<UUID, Settled> result = new TreeMap<>();
        byCampaign.forEach((campaign, n) -> {
            result.put(campaign, new Settled(n[0], n[1]));
            audit.recordAs("system", CampaignPlanner.AUDIT_TYPE, campaign, "settled-by-announcement",
                    Map.of("settled", n[0], "emailOnly", n[1]));
        });
        return result;
    }

    /** Whether e-mail is the current channel of the chain or one still to come. */
    static boolean emailStillAhead(String chain, int position) {
        String[] channels = chain.split(",");
        for (int i = Math.max(0, position); i < channels.length; i++) {
            if ("EMAIL".equals(channels[i].trim())) {
                return true;
            }
        }
        return false;
    }
}
