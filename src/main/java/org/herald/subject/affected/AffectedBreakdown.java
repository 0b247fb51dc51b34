package org.herald.subject.affected;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The affected subjects of an incident counted per country and region, with the numbers the
 * notification laws single out per jurisdiction: minors, deceased, and subjects whose addressee
 * (guardian for a minor, next of kin for a deceased subject, the subject otherwise) has no contact
 * point at all. One grouped query; no personal data leaves it.
 */
@ApplicationScoped
public class AffectedBreakdown {

    /** Age of majority used to count minors from a birth year, as in the affected summary. */
    private static final int MAJORITY = 18;

    private final AgroalDataSource dataSource;
    private final Clock clock;

    AffectedBreakdown(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** One country and region (region may be null). */
    public record Row(String country, String region, long subjects, long minors, long deceased, long unreachable) {
    }

    /** The counts, or empty when no scope was ever defined for the incident. */
    public Optional<List<Row>> byJurisdiction(UUID incidentId) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM incident_scope WHERE incident_id = ?")) {
                s.setObject(1, incidentId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                }
            }
            List<Row> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(QUERY)) {
                s.setInt(1, clock.instant().atZone(ZoneOffset.UTC).getYear() - MAJORITY);
                s.setObject(2, incidentId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                                rs.getLong(6)));
                    }
                }
            }
            return Optional.of(out);
        } catch (SQLException e) {
            throw new IllegalStateException("Counting affected subjects failed (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private static final String QUERY = """
            WITH a AS (
                SELECT d.id, d.country, d.region, m.minor, d.deceased,
                       CASE WHEN m.minor THEN 'GUARDIAN' WHEN d.deceased THEN 'NEXT_OF_KIN' ELSE 'SUBJECT' END AS addressee
                  FROM affected_subject x
                  JOIN data_subject d ON d.id = x.subject_id
                  CROSS JOIN LATERAL (SELECT d.minor OR (d.birth_year IS NOT NULL AND d.birth_year > ?) AS minor) m
                 WHERE x.incident_id = ?)
            SELECT a.country, a.region, count(*),
                   count(*) FILTER (WHERE a.minor),
                   count(*) FILTER (WHERE a.deceased),
                   count(*) FILTER (WHERE NOT (
                       EXISTS (SELECT 1 FROM subject_contact c WHERE c.subject_id = a.id AND c.owner = a.addressee)
                       OR (a.addressee = 'SUBJECT' AND EXISTS (SELECT 1 FROM subject_push_registration p
                                                               WHERE p.subject_id = a.id AND p.active))
                       OR EXISTS (SELECT 1 FROM subject_postal_address p WHERE p.subject_id = a.id
                                  AND p.owner = a.addressee)))
              FROM a
             GROUP BY a.country, a.region
             ORDER BY a.country, a.region NULLS FIRST
            """;
}
