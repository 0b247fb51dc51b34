package org.herald.notice;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.herald.channel.Channel;
import org.herald.channel.DeliveryOutcome;
import org.herald.channel.ProviderFeedback;
import org.jboss.logging.Logger;

/**
 * A provider's later word about an attempt (bounce, undelivered SMS, unregistered push token), in
 * the transaction that recorded it: kept on the attempt as evidence, and — when it is about the
 * notice's current channel — it turns ACCEPTED into DELIVERED, turns a HELD notice into SENT when
 * Herald handed the message over (ACCEPTED feedback, e.g. a letter's batch handed to print), or
 * downgrades it and falls back to the next channel. ACCEPTED feedback about a notice that is not held
 * is no news. Feedback for an attempt whose worker has not yet recorded its outcome is kept on the
 * attempt; the worker applies it when it records.
 */
@ApplicationScoped
public class ProviderFeedbackObserver {

    private static final Logger LOG = Logger.getLogger(ProviderFeedbackObserver.class);

    private final AgroalDataSource dataSource;
    private final NoticeTransitions transitions;
    private final Clock clock;

    ProviderFeedbackObserver(AgroalDataSource dataSource, NoticeTransitions transitions, Clock clock) {
        this.dataSource = dataSource;
        this.transitions = transitions;
        this.clock = clock;
    }

    void on(@Observes ProviderFeedback feedback) {
        try {
            apply(feedback);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record provider feedback for " + feedback.idempotencyKey(), e);
        }
    }

    private void apply(ProviderFeedback feedback) throws SQLException {
        UUID noticeId = feedback.idempotencyKey().noticeId();
        int keyAttempt = feedback.idempotencyKey().attempt();
        DeliveryOutcome outcome = feedback.outcome();
        if (outcome.kind() == DeliveryOutcome.Kind.HELD) {
            LOG.debugf("HELD is an outcome of sending, not feedback: ignored for %s", feedback.idempotencyKey());
            return;
        }
        Instant now = Instant.now(clock);
        try (Connection c = dataSource.getConnection()) {
            String state;
            String chain;
            int chainPos;
            int channelAttempts;
            String currentChannel;
            UUID campaignId;
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT state, chain, chain_pos, channel_attempts, channel, campaign_id FROM notice WHERE id = ? FOR UPDATE""")) {
                s.setObject(1, noticeId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        LOG.debugf("Feedback for unknown notice %s ignored", noticeId);
                        return;
                    }
                    state = rs.getString(1);
                    chain = rs.getString(2);
                    chainPos = rs.getInt(3);
                    channelAttempts = rs.getInt(4);
                    currentChannel = rs.getString(5);
                    campaignId = rs.getObject(6, UUID.class);
                }
            }
            Integer attemptNo = null;
            String attemptChannel = null;
            String recorded = null;
            boolean latest = false;
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT attempt_no, channel, outcome,
                           attempt_no = (SELECT max(attempt_no) FROM notice_attempt WHERE notice_id = a.notice_id)
                      FROM notice_attempt a WHERE notice_id = ? AND key_attempt = ? ORDER BY attempt_no DESC LIMIT 1""")) {
                s.setObject(1, noticeId);
                s.setInt(2, keyAttempt);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        attemptNo = rs.getInt(1);
                        attemptChannel = rs.getString(2);
                        recorded = rs.getString(3);
                        latest = rs.getBoolean(4);
                    }
                }
            }
            if (attemptNo == null) {
                LOG.debugf("Feedback for unknown attempt %s ignored", feedback.idempotencyKey());
                return;
            }
            try (PreparedStatement s = c.prepareStatement("""
                    UPDATE notice_attempt SET feedback = ?, feedback_code = ?, feedback_at = ?,
                                              provider_ref = coalesce(provider_ref, ?)
                     WHERE notice_id = ? AND attempt_no = ?""")) {
                s.setString(1, outcome.kind().name());
                s.setString(2, Dispatcher.truncate(outcome.providerCode(), 60));
                s.setTimestamp(3, Timestamp.from(now));
                s.setString(4, Dispatcher.truncate(feedback.providerReference(), 300));
                s.setObject(5, noticeId);
                s.setInt(6, attemptNo);
                s.executeUpdate();
            }
            boolean held = "HELD".equals(state);
            boolean settledOnThisChannel = recorded != null && latest && attemptChannel.equals(currentChannel)
                    && (held || "SENT".equals(state) || "DELIVERED".equals(state));
            if (!settledOnThisChannel || (outcome.kind() == DeliveryOutcome.Kind.ACCEPTED && !held)) {
                return; // in flight (the worker applies it), about an older attempt, or no news
            }
            NoticeTransitions.After next = transitions.after(new NoticeTransitions.Before(
                    NoticeTransitions.chainOf(chain), chainPos, channelAttempts, keyAttempt), outcome.kind(),
                    outcome.providerCode(), outcome.retryAfter(), outcome.retryLimit(), now);
            if (next.state().equals(state) && next.chainPos() == chainPos) {
                return;
            }
            try (PreparedStatement s = c.prepareStatement("""
                    UPDATE notice SET state = ?, chain_pos = ?, channel = ?, channel_attempts = ?, next_at = ?, reuse_key = ?,
                                      finished_at = CASE WHEN ? THEN ?::timestamptz ELSE NULL END,
                                      first_sent_at = CASE WHEN ? THEN coalesce(first_sent_at, ?::timestamptz) ELSE first_sent_at END,
                                      last_sent_at = CASE WHEN ? THEN ?::timestamptz ELSE last_sent_at END
                     WHERE id = ?""")) {
                s.setString(1, next.state());
                s.setInt(2, next.chainPos());
                s.setString(3, next.channel() == null ? null : next.channel().name());
                s.setInt(4, next.channelAttempts());
                s.setTimestamp(5, Timestamp.from(next.nextAt()));
                if (next.reuseKey() == null) {
                    s.setNull(6, java.sql.Types.INTEGER);
                } else {
                    s.setInt(6, next.reuseKey());
                }
                s.setBoolean(7, next.finished());
                s.setTimestamp(8, Timestamp.from(now));
                // A held message handed over to the provider now: this is when it was sent.
                boolean handedOver = held && outcome.reachedProvider();
                s.setBoolean(9, handedOver);
                s.setTimestamp(10, Timestamp.from(now));
                s.setBoolean(11, handedOver);
                s.setTimestamp(12, Timestamp.from(now));
                s.setObject(13, noticeId);
                s.executeUpdate();
            }
            if (!next.finished()) {
                try (PreparedStatement s = c.prepareStatement("""
                        UPDATE notice_campaign SET status = 'RUNNING', completed_at = NULL, version = version + 1
                         WHERE id = ? AND status = 'COMPLETED'""")) {
                    s.setObject(1, campaignId);
                    s.executeUpdate();
                }
            }
            LOG.debugf("Notice %s: %s feedback on %s moves it to %s", noticeId, outcome.kind(),
                    Channel.valueOf(attemptChannel), next.state());
        }
    }
}
