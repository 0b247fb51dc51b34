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

        private final Columns rows = new Columns("uuid", "int4", "int4", "varchar", "varchar", "varchar");

        void add(UUID notice, int attemptNo, int keyAttempt, String channel, String provider, String contentSha256) {
            rows.add(notice, attemptNo, keyAttempt, channel, provider, contentSha256);
        }

        void insert(Connection c, String worker, Timestamp at) throws SQLException {
            if (rows.isEmpty()) {
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
                rows.bind(c, s, 3);
                s.executeUpdate();
            }
        }
    }

    /** Outcomes of sent attempts. */
    static final class AttemptOutcomes {

        private final Columns rows = new Columns("uuid", "int4", "varchar", "varchar", "varchar", "varchar", "text");

        void add(UUID notice, int attemptNo, String outcome, String reference, String code, String reason,
                Instant retryAt) {
            rows.add(notice, attemptNo, outcome, reference, code, reason, retryAt == null ? null : retryAt.toString());
        }

        void update(Connection c, Timestamp at) throws SQLException {
            if (rows.isEmpty()) {
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
                rows.bind(c, s, 2);
                s.executeUpdate();
            }
        }
    }

    /** Notices' next states, each only while the worker still holds its lease. */
    static final class NextStates {

        private final Columns rows = new Columns("uuid", "varchar", "int4", "varchar", "int4", "text", "int4", "int4",
                "varchar", "varchar", "bool", "bool");

        /**
         * @param attemptNo the attempt just made (0: none), kept as the notice's count when higher
         * @param reference the provider's reference, or null to keep the notice's
         * @param contentSha256 the hash of the content sent, or null to keep the notice's
         * @param sent whether the notice reached the provider now (first and last sent time)
         * @param finished whether the notice's state is final (finished time)
         */
        void add(UUID notice, String state, int chainPos, String channel, int channelAttemptCount, Instant nextAt,
                Integer reuseKey, int attemptNo, String reference, String contentSha256, boolean sent, boolean finished) {
            rows.add(notice, state, chainPos, channel, channelAttemptCount, nextAt.toString(), reuseKey, attemptNo,
                    reference, contentSha256, sent, finished);
        }

        void update(Connection c, String worker, Timestamp at) throws SQLException {
            if (rows.isEmpty()) {
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
                int next = rows.bind(c, s, 4);
                s.setString(next, worker);
                s.executeUpdate();
            }
        }
    }

    /** Rows gathered column by column, each column bound as one array parameter of a given type. */
    private static final class Columns {

        private final String[] types;
        private final List<List<Object>> values = new ArrayList<>();

        Columns(String... types) {
            this.types = types;
            for (int i = 0; i < types.length; i++) {
                values.add(new ArrayList<>());
            }
        }

        void add(Object... row) {
            if (row.length != types.length) {
                throw new IllegalArgumentException("expected " + types.length + " values, got " + row.length);
            }
            for (int i = 0; i < row.length; i++) {
                values.get(i).add(row[i]);
            }
        }

        boolean isEmpty() {
            return values.get(0).isEmpty();
        }

        /** Binds the columns to parameters {@code first}, {@code first + 1} …; returns the next parameter's index. */
        int bind(Connection c, PreparedStatement s, int first) throws SQLException {
            for (int i = 0; i < types.length; i++) {
                s.setArray(first + i, c.createArrayOf(types[i], values.get(i).toArray()));
            }
            return first + types.length;
        }
    }
}
