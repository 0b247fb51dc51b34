package org.herald.notice;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.herald.shared.Page;
import org.herald.shared.problem.ProblemException;

/**
 * Proof of notice: per notice the obligations it answers, each attempt with its channel, idempotency
 * key, provider reference, outcome and times, the SHA-256 of the rendered content, and the final
 * status. No address and no text: the hash proves what was sent against the wording and content kept.
 */
@ApplicationScoped
public class NoticeProofs {

    private final AgroalDataSource dataSource;

    NoticeProofs(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record ObligationRef(UUID obligationId, String regimeId, Instant dueAt) {
    }

    public record AttemptProof(int attemptNo, String idempotencyKey, String channel, String provider, String worker,
            Instant startedAt, Instant finishedAt, String outcome, String providerReference, String providerCode,
            String reason, Instant retryAt, String contentSha256, int replays, String feedback, String feedbackCode,
            Instant feedbackAt) {
    }

    public record NoticeProof(UUID id, UUID subjectId, String recipientRole, String locale, String state,
            String channel, List<String> chain, String providerReference, String contentSha256, Instant firstSentAt,
            Instant lastSentAt, Instant finishedAt, UUID settledBy, List<ObligationRef> obligations,
            List<AttemptProof> attempts) {
    }

    public Page<NoticeProof> page(UUID campaignId, Integer page, Integer size) {
        int p = Page.clampPage(page);
        int s = Page.clampSize(size);
        try (Connection c = dataSource.getConnection()) {
            long total = exists(c, campaignId);
            Map<UUID, NoticeProof> notices = new LinkedHashMap<>();
            try (PreparedStatement st = c.prepareStatement("""
                    SELECT id, subject_id, recipient_role, locale, state, channel, chain, provider_ref, content_sha256,
                           first_sent_at, last_sent_at, finished_at, settled_by
                      FROM notice WHERE campaign_id = ? ORDER BY id LIMIT ? OFFSET ?""")) {
                st.setObject(1, campaignId);
                st.setInt(2, s);
                st.setLong(3, (long) p * s);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        notices.put(id, new NoticeProof(id, rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), chain(rs.getString(7)), rs.getString(8), rs.getString(9),
                                instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)),
                                rs.getObject(13, UUID.class), new ArrayList<>(), new ArrayList<>()));
                    }
                }
            }
            fill(c, notices);
            return new Page<>(List.copyOf(notices.values()), p, s, total);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every attempt of the campaign as CSV, one line per attempt (a notice never tried: one line without attempt). */
    public void csv(UUID campaignId, Writer out) {
        try (Connection c = dataSource.getConnection()) {
            exists(c, campaignId);
            c.setAutoCommit(false);
            try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("notice_id", "subject_id",
                    "obligations", "notice_state", "recipient_role", "locale", "attempt_no", "idempotency_key", "channel",
                    "provider", "started_at", "finished_at", "outcome", "provider_reference", "provider_code", "feedback",
                    "feedback_at", "replays", "content_sha256", "settled_by_announcement").get());
                    PreparedStatement st = c.prepareStatement("""
                    SELECT n.id, n.subject_id,
                           (SELECT string_agg(o.regime_id || ':' || o.obligation_id, ';' ORDER BY o.regime_id)
                              FROM notice_obligation o WHERE o.notice_id = n.id),
                           n.state, n.recipient_role, n.locale, a.attempt_no, a.key_attempt, a.channel, a.provider,
                           a.started_at, a.finished_at, a.outcome, a.provider_ref, a.provider_code, a.feedback, a.feedback_at,
                           a.replays, coalesce(a.content_sha256, n.content_sha256), n.settled_by
                      FROM notice n LEFT JOIN notice_attempt a ON a.notice_id = n.id
                     WHERE n.campaign_id = ? ORDER BY n.id, a.attempt_no""")) {
                st.setObject(1, campaignId);
                st.setFetchSize(2000);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        Object attemptNo = rs.getObject(7);
                        csv.printRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), attemptNo, attemptNo == null ? null : rs.getString(1) + "." + rs.getInt(8),
                                rs.getString(9), rs.getString(10), text(rs.getTimestamp(11)), text(rs.getTimestamp(12)),
                                rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16),
                                text(rs.getTimestamp(17)), rs.getObject(18), rs.getString(19), rs.getString(20));
                    }
                }
                csv.flush();
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long exists(Connection c, UUID campaignId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT notice_count FROM notice_campaign WHERE id = ?")) {
            st.setObject(1, campaignId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("campaign", campaignId);
                }
                return rs.getLong(1);
            }
        }
    }

    private static void fill(Connection c, Map<UUID, NoticeProof> notices) throws SQLException {
        if (notices.isEmpty()) {
            return;
        }
        Object[] ids = notices.keySet().toArray();
        try (PreparedStatement st = c.prepareStatement(
                "SELECT notice_id, obligation_id, regime_id, due_at FROM notice_obligation WHERE notice_id = ANY (?) ORDER BY regime_id")) {
            st.setArray(1, c.createArrayOf("uuid", ids));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    notices.get(rs.getObject(1, UUID.class)).obligations().add(new ObligationRef(rs.getObject(2, UUID.class),
                            rs.getString(3), instant(rs.getTimestamp(4))));
                }
            }
        }
        try (PreparedStatement st = c.prepareStatement("""
                SELECT notice_id, attempt_no, key_attempt, channel, provider, worker, started_at, finished_at, outcome,
                       provider_ref, provider_code, reason, retry_at, content_sha256, replays, feedback, feedback_code, feedback_at
                  FROM notice_attempt WHERE notice_id = ANY (?) ORDER BY notice_id, attempt_no""")) {
            st.setArray(1, c.createArrayOf("uuid", ids));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    notices.get(id).attempts().add(new AttemptProof(rs.getInt(2), id + "." + rs.getInt(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)),
                            rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                            instant(rs.getTimestamp(13)), rs.getString(14), rs.getInt(15), rs.getString(16),
                            rs.getString(17), instant(rs.getTimestamp(18))));
                }
            }
        }
    }

    private static List<String> chain(String text) {
        return NoticeTransitions.chainOf(text).stream().map(ch -> ch.key()).toList();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String text(Timestamp t) {
        return t == null ? null : t.toInstant().toString();
    }
}
