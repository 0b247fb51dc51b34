package org.herald.notice;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The dispatcher's writes for a whole batch as one statement each, the rows passed as arrays and
 * joined with {@code unnest}: the attempts written before the sends, then the attempts' outcomes and
 * the notices' next states after them. One statement per batch instead of one per notice saves the
 * database a statement execution (and, for the attempts, a trigger) per notice, which on the
 * dispatch path is most of what it does besides maintaining indexes (docs/performance.md). Times
 * travel as ISO-8601 instants in text arrays, so no session time zone can shift them.
 */
final class OutboxWrites {

    private OutboxWrites() {
    }

    /** Attempts to write before their sends (outcome NULL: in flight). */
    static final class NewAttempts {

        private final List<UUID> notices = new ArrayList<>();
        private final List<Integer> numbers = new ArrayList<>();
        private final List<Integer> keyAttempts = new ArrayList<>();
        private final List<String> channels = new ArrayList<>();
        private final List<String> providers = new ArrayList<>();
        private final List<String> hashes = new ArrayList<>();

        void add(UUID notice, int attemptNo, int keyAttempt, String channel, String provider, String contentSha256) {
            notices.add(notice);
            numbers.add(attemptNo);
            keyAttempts.add(keyAttempt);
            channels.add(channel);
            providers.add(provider);
            hashes.add(contentSha256);
        }

        void insert(Connection c, String worker, Timestamp at) throws SQLException {
            if (notices.isEmpty()) {
                return;
            }
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO notice_attempt (notice_id, attempt_no, key_attempt, channel, provider, worker, started_at,
                                                content_sha256)
                    SELECT u.notice_id, u.attempt_no, u.key_attempt, u.channel, u.provider, ?, ?, u.content_sha256
                      FROM unnest(?::uuid[], ?::int4[], ?::int4[], ?::varchar[], ?::varchar[], ?::varchar[])
                           AS u(notice_id, attempt_no, key_attempt, channel, provider, content_sha256)""")) {
                s.setString(1, worker);
                s.setTimestamp(2, at);
                s.setArray(3, c.createArrayOf("uuid", notices.toArray()));
                s.setArray(4, c.createArrayOf("int4", numbers.toArray()));
                s.setArray(5, c.createArrayOf("int4", keyAttempts.toArray()));
                s.setArray(6, c.createArrayOf("varchar", channels.toArray()));
                s.setArray(7, c.createArrayOf("varchar", providers.toArray()));
                s.setArray(8, c.createArrayOf("varchar", hashes.toArray()));
                s.executeUpdate();
            }
        }
    }

    /** Outcomes of sent attempts. */
    static final class AttemptOutcomes {

        private final List<UUID> notices = new ArrayList<>();
        private final List<Integer> numbers = new ArrayList<>();
        private final List<String> outcomes = new ArrayList<>();
        private final List<String> references = new ArrayList<>();
        private final List<String> codes = new ArrayList<>();
        private final List<String> reasons = new ArrayList<>();
        private final List<String> retryAts = new ArrayList<>();

        void add(UUID notice, int attemptNo, String outcome, String reference, String code, String reason,
                Instant retryAt) {
            notices.add(notice);
            numbers.add(attemptNo);
            outcomes.add(outcome);
            references.add(reference);
            codes.add(code);
            reasons.add(reason);
            retryAts.add(retryAt == null ? null : retryAt.toString());
        }

        void update(Connection c, Timestamp at) throws SQLException {
            if (notices.isEmpty()) {
                return;
            }
            try (PreparedStatement s = c.prepareStatement("""
                    UPDATE notice_attempt a
                       SET finished_at = ?, outcome = u.outcome, provider_ref = u.provider_ref,
                           provider_code = u.provider_code, reason = u.reason, retry_at = u.retry_at
                      FROM unnest(?::uuid[], ?::int4[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                                  ?::timestamptz[])
                           AS u(notice_id, attempt_no, outcome, provider_ref, provider_code, reason, retry_at)
                     WHERE a.notice_id = u.notice_id AND a.attempt_no = u.attempt_no""")) {
                s.setTimestamp(1, at);
                s.setArray(2, c.createArrayOf("uuid", notices.toArray()));
                s.setArray(3, c.createArrayOf("int4", numbers.toArray()));
                s.setArray(4, c.createArrayOf("varchar", outcomes.toArray()));
                s.setArray(5, c.createArrayOf("varchar", references.toArray()));
                s.setArray(6, c.createArrayOf("varchar", codes.toArray()));
                s.setArray(7, c.createArrayOf("varchar", reasons.toArray()));
                s.setArray(8, c.createArrayOf("text", retryAts.toArray()));
                s.executeUpdate();
            }
        }
    }

    /** Notices' next states, each only while the worker still holds its lease. */
    static final class NextStates {

        private final List<UUID> notices = new ArrayList<>();
        private final List<String> states = new ArrayList<>();
        private final List<Integer> chainPositions = new ArrayList<>();
        private final List<String> channels = new ArrayList<>();
        private final List<Integer> channelAttempts = new ArrayList<>();
        private final List<String> nextAts = new ArrayList<>();
        private final List<Integer> reuseKeys = new ArrayList<>();
        private final List<Integer> attempts = new ArrayList<>();
        private final List<String> references = new ArrayList<>();
        private final List<String> hashes = new ArrayList<>();
        private final List<Boolean> sent = new ArrayList<>();
        private final List<Boolean> finished = new ArrayList<>();

        /**
         * @param attemptNo the attempt just made (0: none), kept as the notice's count when higher
         * @param reference the provider's reference, or null to keep the notice's
         * @param contentSha256 the hash of the content sent, or null to keep the notice's
         * @param sent whether the notice reached the provider now (first and last sent time)
         * @param finished whether the notice's state is final (finished time)
         */
        void add(UUID notice, String state, int chainPos, String channel, int channelAttemptCount, Instant nextAt,
                Integer reuseKey, int attemptNo, String reference, String contentSha256, boolean sent, boolean finished) {
            notices.add(notice);
            states.add(state);
            chainPositions.add(chainPos);
            channels.add(channel);
            channelAttempts.add(channelAttemptCount);
            nextAts.add(nextAt.toString());
            reuseKeys.add(reuseKey);
            attempts.add(attemptNo);
            references.add(reference);
            hashes.add(contentSha256);
            this.sent.add(sent);
            this.finished.add(finished);
        }

        void update(Connection c, String worker, Timestamp at) throws SQLException {
            if (notices.isEmpty()) {
                return;
            }
            try (PreparedStatement s = c.prepareStatement("""
                    UPDATE notice n
                       SET state = u.state, chain_pos = u.chain_pos, channel = u.channel,
                           channel_attempts = u.channel_attempts, next_at = u.next_at, reuse_key = u.reuse_key,
                           lease_owner = NULL, lease_until = NULL, attempts = greatest(n.attempts, u.attempt_no),
                           provider_ref = coalesce(u.provider_ref, n.provider_ref),
                           content_sha256 = coalesce(u.content_sha256, n.content_sha256),
                           first_sent_at = CASE WHEN u.sent THEN coalesce(n.first_sent_at, ?::timestamptz) ELSE n.first_sent_at END,
                           last_sent_at = CASE WHEN u.sent THEN ?::timestamptz ELSE n.last_sent_at END,
                           finished_at = CASE WHEN u.finished THEN ?::timestamptz ELSE NULL END
                      FROM unnest(?::uuid[], ?::varchar[], ?::int4[], ?::varchar[], ?::int4[], ?::timestamptz[], ?::int4[],
                                  ?::int4[], ?::varchar[], ?::varchar[], ?::bool[], ?::bool[])
                           AS u(id, state, chain_pos, channel, channel_attempts, next_at, reuse_key, attempt_no,
                                provider_ref, content_sha256, sent, finished)
                     WHERE n.id = u.id AND n.lease_owner = ?""")) {
                s.setTimestamp(1, at);
                s.setTimestamp(2, at);
                s.setTimestamp(3, at);
                s.setArray(4, c.createArrayOf("uuid", notices.toArray()));
                s.setArray(5, c.createArrayOf("varchar", states.toArray()));
                s.setArray(6, c.createArrayOf("int4", chainPositions.toArray()));
                s.setArray(7, c.createArrayOf("varchar", channels.toArray()));
                s.setArray(8, c.createArrayOf("int4", channelAttempts.toArray()));
                s.setArray(9, c.createArrayOf("text", nextAts.toArray()));
                s.setArray(10, c.createArrayOf("int4", reuseKeys.toArray()));
                s.setArray(11, c.createArrayOf("int4", attempts.toArray()));
                s.setArray(12, c.createArrayOf("varchar", references.toArray()));
                s.setArray(13, c.createArrayOf("varchar", hashes.toArray()));
                s.setArray(14, c.createArrayOf("bool", sent.toArray()));
                s.setArray(15, c.createArrayOf("bool", finished.toArray()));
                s.setString(16, worker);
                s.executeUpdate();
            }
        }
    }
}
