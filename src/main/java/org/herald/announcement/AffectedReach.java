package org.herald.announcement;

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
import java.util.UUID;

/**
 * Reads the reachability of an incident's affected set in one grouped pass. The addressee is the
 * guardian for a minor, the next of kin for a deceased subject, the subject otherwise (as in
 * {@code AffectedSubjects}); push reaches only a subject's own devices.
 */
@ApplicationScoped
public class AffectedReach {

    /** Age of majority used to count minors from a birth year, as the affected summary does. */
    private static final int MAJORITY = 18;

    private static final String SQL = """
            WITH a AS (
                SELECT d.id, d.country, d.region,
                       CASE WHEN d.minor OR (d.birth_year IS NOT NULL AND d.birth_year > ?) THEN 'GUARDIAN'
                            WHEN d.deceased THEN 'NEXT_OF_KIN' ELSE 'SUBJECT' END AS addressee
                  FROM affected_subject x JOIN data_subject d ON d.id = x.subject_id
                 WHERE x.incident_id = ?),
            r AS (
                SELECT a.country, a.region,
                       EXISTS (SELECT 1 FROM subject_contact c WHERE c.subject_id = a.id AND c.owner = a.addressee
                                  AND c.kind = 'EMAIL') AS email,
                       EXISTS (SELECT 1 FROM subject_contact c WHERE c.subject_id = a.id AND c.owner = a.addressee
                                  AND c.kind = 'PHONE') AS phone,
                       a.addressee = 'SUBJECT' AND EXISTS (SELECT 1 FROM subject_push_registration p
                                  WHERE p.subject_id = a.id AND p.active) AS push,
                       EXISTS (SELECT 1 FROM subject_postal_address p WHERE p.subject_id = a.id
                                  AND p.owner = a.addressee) AS postal
                  FROM a)
            SELECT country, region, email, phone, push, postal, count(*) FROM r
             GROUP BY country, region, email, phone, push, postal""";

    private final AgroalDataSource dataSource;
    private final Clock clock;

    AffectedReach(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public Reach of(UUID incidentId) {
        List<Reach.Row> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(SQL)) {
            s.setInt(1, clock.instant().atZone(ZoneOffset.UTC).getYear() - MAJORITY);
            s.setObject(2, incidentId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Reach.Row(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4),
                            rs.getBoolean(5), rs.getBoolean(6), rs.getLong(7)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the reach of the affected set failed (SQLState " + e.getSQLState()
                    + ")", e);
        }
        return new Reach(rows);
    }
}
