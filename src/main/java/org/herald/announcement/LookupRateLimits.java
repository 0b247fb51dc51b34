package org.herald.announcement;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/**
 * Sliding-window limits for "was I affected?", kept in the database so every replica counts the
 * same attempts: per client address, and per contact (by its blind index, whoever asks). A known
 * and an unknown contact are counted exactly alike, so a refusal says nothing about membership.
 */
@ApplicationScoped
public class LookupRateLimits {

    private final AgroalDataSource dataSource;
    private final AnnouncementConfig config;
    private final Clock clock;

    LookupRateLimits(AgroalDataSource dataSource, AnnouncementConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }

    /** Which limit stopped a look-up, if any. */
    public enum Verdict { ALLOWED, CLIENT_LIMIT, CONTACT_LIMIT }

    /** Counts this attempt against both buckets when both have room; refuses (and counts nothing) otherwise. */
    public Verdict attempt(String clientBucket, String contactBucket) {
        Instant now = clock.instant();
        Instant since = now.minus(config.lookup().window());
        try (Connection c = dataSource.getConnection()) {
            if (count(c, clientBucket, since) >= config.lookup().perClient()) {
                return Verdict.CLIENT_LIMIT;
            }
            if (count(c, contactBucket, since) >= config.lookup().perContact()) {
                return Verdict.CONTACT_LIMIT;
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO announcement_lookup_attempt (bucket, attempted_at) VALUES (?, ?), (?, ?)")) {
                s.setString(1, clientBucket);
                s.setTimestamp(2, Timestamp.from(now));
                s.setString(3, contactBucket);
                s.setTimestamp(4, Timestamp.from(now));
                s.executeUpdate();
            }
            return Verdict.ALLOWED;
        } catch (SQLException e) {
            throw new IllegalStateException("Look-up rate limit failed (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private static long count(Connection c, String bucket, Instant since) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM announcement_lookup_attempt WHERE bucket = ? AND attempted_at > ?")) {
            s.setString(1, bucket);
            s.setTimestamp(2, Timestamp.from(since));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Attempts older than the window count for nothing; drop them. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "DELETE FROM announcement_lookup_attempt WHERE attempted_at < ?")) {
            s.setTimestamp(1, Timestamp.from(clock.instant().minus(config.lookup().window())));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Sweeping look-up attempts failed (SQLState " + e.getSQLState() + ")", e);
        }
    }
}
