package org.herald.subject.affected;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.herald.audit.AuditLog;
import org.herald.incident.DataCategory;
import org.herald.shared.Page;
import org.herald.shared.problem.ProblemException;
import org.herald.subject.SourceSystems;
import org.herald.subject.imports.CopyRows;
import org.herald.subject.imports.CsvRows;
import org.herald.subject.imports.ImportJob;
import org.herald.subject.imports.UnreadableBodyException;

/**
 * Determines who an incident affected, in the database and set-based: a scope is one
 * {@code INSERT … SELECT} over the holdings, an uploaded list one join of the staged list with the
 * registry. Either replaces the incident's affected set as a whole, in one transaction that also
 * writes its audit entry, so readers see the old set or the new one, never a mixture.
 */
@ApplicationScoped
public class AffectedSubjects {

    /** Audit entries go to the incident's own trail, so they appear on its timeline. */
    static final String AUDIT_TYPE = "incident";
    private static final int FIRST_UNMATCHED = 100;
    private static final int STAGE_BATCH = 10_000;
    /** Age of majority used to count minors from a birth year; the rules decide per jurisdiction. */
    private static final int MAJORITY = 18;
    private static final Set<String> LIST_COLUMNS = Set.of("source_system", "external_ref", "categories");

    private final AgroalDataSource dataSource;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectMapper json;
    private final AffectedConfig config;

    AffectedSubjects(AgroalDataSource dataSource, AuditLog audit, Clock clock, ObjectMapper json, AffectedConfig config) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
        this.config = config;
    }

    // ---- scope from selectors ------------------------------------------------------------------

    public ScopeResult defineScope(UUID incidentId, ScopeSelectors selectors, String actor) {
        if (selectors.from() != null && selectors.to() != null && selectors.to().isBefore(selectors.from())) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        Instant now = clock.instant();
        return inTransaction(() -> {
            try (Connection c = dataSource.getConnection()) {
                lock(c, incidentId);
                long previous = previousCount(c, incidentId);
                clear(c, incidentId);
                long affected = insertFromHoldings(c, incidentId, selectors);
                recordScope(c, incidentId, AffectedSummary.ScopeMethod.SELECTORS, selectorsJson(selectors), 0, affected, 0,
                        actor, now);
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("method", "SELECTORS");
                summary.put("systems", selectors.systems());
                summary.put("categories", selectors.categoriesOrAll().stream().map(Enum::name).toList());
                summary.put("from", String.valueOf(selectors.from()));
                summary.put("to", String.valueOf(selectors.to()));
                summary.put("jurisdictions", selectors.jurisdictionsOrAll());
                summary.put("affected", affected);
                summary.put("previouslyAffected", previous);
                audit.record(AUDIT_TYPE, incidentId, "scope-defined", summary);
                return ScopeResult.of(incidentId, affected, previous, now, actor);
            }
        });
    }

    /** One set-based statement: every matching holding, grouped per subject with its exposed categories. */
    private static long insertFromHoldings(Connection c, UUID incidentId, ScopeSelectors s) throws SQLException {
        StringBuilder sql = new StringBuilder("""
                INSERT INTO affected_subject (incident_id, subject_id, categories)
                SELECT ?, h.subject_id, array_agg(DISTINCT h.category ORDER BY h.category)
                  FROM subject_holding h""");
        List<String> countries = s.jurisdictionsOrAll().stream().filter(j -> j.length() == 2).toList();
        List<String> regions = s.jurisdictionsOrAll().stream().filter(j -> j.length() > 2).toList();
        boolean byJurisdiction = !countries.isEmpty() || !regions.isEmpty();
        if (byJurisdiction) {
            sql.append(" JOIN data_subject d ON d.id = h.subject_id");
        }
        sql.append(" WHERE h.system_name = ANY (?)");
        if (!s.categoriesOrAll().isEmpty()) {
            sql.append(" AND h.category = ANY (?)");
        }
        // Held at some time in [from, to]: started before the window ends, not stopped before it begins.
        if (s.from() != null) {
            sql.append(" AND (h.until IS NULL OR h.until >= ?)");
        }
        if (s.to() != null) {
            sql.append(" AND (h.since IS NULL OR h.since <= ?)");
        }
        if (byJurisdiction) {
            sql.append(" AND (d.country = ANY (?) OR d.region = ANY (?))");
        }
        sql.append(" GROUP BY h.subject_id");
        try (PreparedStatement insert = c.prepareStatement(sql.toString())) {
            int i = 1;
            insert.setObject(i++, incidentId);
            insert.setArray(i++, c.createArrayOf("varchar", s.systems().stream().map(String::strip).toArray()));
            if (!s.categoriesOrAll().isEmpty()) {
                insert.setArray(i++, c.createArrayOf("varchar", s.categoriesOrAll().stream().map(Enum::name).toArray()));
            }
            if (s.from() != null) {
                insert.setDate(i++, Date.valueOf(s.from()));
            }
            if (s.to() != null) {
                insert.setDate(i++, Date.valueOf(s.to()));
            }
            if (byJurisdiction) {
                insert.setArray(i++, c.createArrayOf("varchar", countries.toArray()));
                insert.setArray(i++, c.createArrayOf("varchar", regions.toArray()));
            }
            return insert.executeLargeUpdate();
        }
    }

    // ---- scope from an uploaded list -----------------------------------------------------------

    /**
     * Replaces the affected set with the subjects an uploaded CSV names (columns external_ref,
     * optional source_system and categories). Rows that match no subject, or cannot be read, are
     * kept as unmatched rows with their reason.
     */
    public ListResult takeList(UUID incidentId, InputStream body, String defaultSource, String defaultCategories,
            long maxRowChars, String actor) {
        String source = blank(defaultSource) ? null : defaultSource.strip();
        if (source != null && !SourceSystems.isValid(source)) {
            throw ProblemException.invalid("source", SourceSystems.RULE);
        }
        List<String> categoryErrors = new ArrayList<>();
        Set<DataCategory> fallbackCategories = categories(defaultCategories, categoryErrors);
        if (!categoryErrors.isEmpty()) {
            throw ProblemException.invalid("categories", categoryErrors.get(0));
        }
        long[] counts = inTransaction(() -> {
            try (Connection c = dataSource.getConnection(); Reader reader = ImportJob.utf8(body)) {
                lock(c, incidentId);
                long previous = previousCount(c, incidentId);
                clear(c, incidentId);
                try (Statement st = c.createStatement()) {
                    st.execute("""
                            CREATE TEMP TABLE affected_list_stage (row_no bigint, source_system varchar(100),
                                external_ref varchar(200), categories varchar(32)[]) ON COMMIT DROP""");
                }
                long listed = stage(c, incidentId, reader, maxRowChars, source, fallbackCategories);
                try (Statement st = c.createStatement()) {
                    // Statistics on the staged list keep the join to the registry on its index.
                    st.execute("ANALYZE affected_list_stage");
                }
                long affected;
                try (PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO affected_subject (incident_id, subject_id, categories)
                        SELECT ?, d.id, array_agg(DISTINCT category ORDER BY category)
                          FROM affected_list_stage l
                          JOIN data_subject d ON d.source_system = l.source_system AND d.external_ref = l.external_ref
                          CROSS JOIN LATERAL unnest(l.categories) AS category
                         GROUP BY d.id""")) {
                    insert.setObject(1, incidentId);
                    affected = insert.executeLargeUpdate();
                }
                try (PreparedStatement unknown = c.prepareStatement("""
                        INSERT INTO affected_unmatched_row (incident_id, row_no, source_system, external_ref, reason)
                        SELECT ?, l.row_no, l.source_system, l.external_ref,
                               'no subject with this reference in source system ''' || l.source_system || ''''
                          FROM affected_list_stage l
                         WHERE NOT EXISTS (SELECT 1 FROM data_subject d
                                            WHERE d.source_system = l.source_system AND d.external_ref = l.external_ref)""")) {
                    unknown.setObject(1, incidentId);
                    unknown.executeLargeUpdate();
                }
                long unmatched = count(c, "SELECT count(*) FROM affected_unmatched_row WHERE incident_id = ?", incidentId);
                Map<String, Object> given = new LinkedHashMap<>();
                given.put("source", source);
                given.put("categories", fallbackCategories.stream().map(Enum::name).toList());
                recordScope(c, incidentId, AffectedSummary.ScopeMethod.LIST, json.writeValueAsString(given), listed,
                        affected, unmatched, actor, clock.instant());
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("method", "LIST");
                summary.put("listedRows", listed);
                summary.put("affected", affected);
                summary.put("unmatchedRows", unmatched);
                summary.put("previouslyAffected", previous);
                audit.record(AUDIT_TYPE, incidentId, "affected-list-uploaded", summary);
                return new long[] {listed, affected, unmatched};
            } catch (UnreadableBodyException e) {
                throw ProblemException.invalid("body", e.getMessage());
            } catch (UncheckedIOException e) {
                throw ProblemException.invalid("body", "is not UTF-8 CSV text");
            }
        });
        return new ListResult(counts[0], counts[1], counts[2], unmatched(incidentId, 0, FIRST_UNMATCHED).items(),
                URI.create("/api/incidents/" + incidentId + "/affected/summary"));
    }

    /** Streams the list into the stage table in COPY batches; unreadable rows go straight to the unmatched rows. */
    private static long stage(Connection c, UUID incidentId, Reader reader, long maxRowChars, String source,
            Set<DataCategory> fallback) throws SQLException, IOException {
        CsvRows csv = new CsvRows(reader, maxRowChars, LIST_COLUMNS, Set.of("external_ref"));
        CopyRows rows = new CopyRows();
        CopyRows bad = new CopyRows();
        long listed = 0;
        while (csv.advance()) {
            listed++;
            long row = csv.row();
            String ref = blank(csv.get("external_ref")) ? null : csv.get("external_ref").strip();
            String system = blank(csv.get("source_system")) ? source : csv.get("source_system").strip();
            List<String> problems = new ArrayList<>();
            if (!csv.consistent()) {
                problems.add("row has " + csv.width() + " fields where the header has " + csv.headerWidth());
            }
            if (ref == null) {
                problems.add("external_ref is missing");
            } else if (ref.length() > 200) {
                problems.add("external_ref is longer than 200 characters");
            }
            if (system == null) {
                problems.add("source_system is missing: give it per row or as the source parameter");
            } else if (!SourceSystems.isValid(system)) {
                problems.add("source_system " + SourceSystems.RULE);
            }
            List<String> categoryProblems = new ArrayList<>();
            Set<DataCategory> categories = categories(csv.get("categories"), categoryProblems);
            categoryProblems.forEach(p -> problems.add("categories: " + p));
            if (categories.isEmpty() && categoryProblems.isEmpty()) {
                categories = fallback;
                if (categories.isEmpty()) {
                    problems.add("categories are missing: give them per row or as the categories parameter");
                }
            }
            if (problems.isEmpty()) {
                rows.number(row).text(system).text(ref)
                        .text("{" + String.join(",", categories.stream().map(Enum::name).toList()) + "}").endRow();
            } else {
                bad.uuid(incidentId).number(row).text(clip(system, 100)).text(clip(ref, 200))
                        .text(clip(String.join("; ", problems), 300)).endRow();
            }
            if (rows.rows() + bad.rows() >= STAGE_BATCH) {
                flush(c, rows, bad);
                rows = new CopyRows();
                bad = new CopyRows();
            }
        }
        flush(c, rows, bad);
        return listed;
    }

    private static void flush(Connection c, CopyRows rows, CopyRows bad) throws SQLException {
        rows.copyInto(c, "affected_list_stage (row_no, source_system, external_ref, categories)");
        bad.copyInto(c, "affected_unmatched_row (incident_id, row_no, source_system, external_ref, reason)");
    }

    // ---- reading ------------------------------------------------------------------------------

    public AffectedSummary summary(UUID incidentId) {
        return inTransaction(() -> {
            try (Connection c = dataSource.getConnection()) {
                requireIncident(c, incidentId, "");
                AffectedSummary.ScopeMethod method = null;
                Instant definedAt = null;
                String definedBy = null;
                long unmatched = 0;
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT method, defined_at, defined_by, unmatched_count FROM incident_scope WHERE incident_id = ?")) {
                    s.setObject(1, incidentId);
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next()) {
                            method = AffectedSummary.ScopeMethod.valueOf(rs.getString(1));
                            definedAt = rs.getTimestamp(2).toInstant();
                            definedBy = rs.getString(3);
                            unmatched = rs.getLong(4);
                        }
                    }
                }
                List<AffectedSummary.Category> categories = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement("""
                        SELECT category, count(*) FROM affected_subject a, unnest(a.categories) AS category
                         WHERE a.incident_id = ? GROUP BY category""")) {
                    s.setObject(1, incidentId);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            categories.add(new AffectedSummary.Category(DataCategory.valueOf(rs.getString(1)), rs.getLong(2)));
                        }
                    }
                }
                // In the vocabulary's own order, as incidents list them.
                categories.sort(java.util.Comparator.comparing(AffectedSummary.Category::category));
                List<AffectedSummary.Jurisdiction> jurisdictions = new ArrayList<>();
                long total = 0;
                long minors = 0;
                long deceased = 0;
                AffectedSummary.Reachability reach = new AffectedSummary.Reachability(0, 0, 0, 0, 0);
                try (PreparedStatement s = c.prepareStatement(ONE_PASS)) {
                    s.setInt(1, clock.instant().atZone(ZoneOffset.UTC).getYear() - MAJORITY);
                    s.setObject(2, incidentId);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            if (rs.getInt("grand_total") == 1) {
                                total = rs.getLong("subjects");
                                minors = rs.getLong("minors");
                                deceased = rs.getLong("deceased");
                                reach = new AffectedSummary.Reachability(rs.getLong("email"), rs.getLong("phone"),
                                        rs.getLong("push"), rs.getLong("postal"), rs.getLong("nothing"));
                            } else {
                                jurisdictions.add(new AffectedSummary.Jurisdiction(rs.getString("country"),
                                        rs.getString("region"), rs.getLong("subjects")));
                            }
                        }
                    }
                }
                jurisdictions.sort(java.util.Comparator.comparingLong(AffectedSummary.Jurisdiction::subjects).reversed()
                        .thenComparing(AffectedSummary.Jurisdiction::country)
                        .thenComparing(j -> j.region() == null ? "" : j.region()));
                return new AffectedSummary(incidentId, method, definedAt, definedBy, total, jurisdictions, categories,
                        minors, deceased, reach, unmatched);
            }
        });
    }

    /**
     * One pass over the affected set, joined to the registry once: the jurisdiction rows and the
     * grand total (with minors, deceased and reachability) come from one GROUPING SETS. The addressee
     * is the guardian for a minor, the next of kin for a deceased subject, the subject otherwise;
     * push reaches only a subject's own devices.
     */
    private static final String ONE_PASS = """
            WITH a AS (
                SELECT d.id, d.country, d.region, m.minor, d.deceased,
                       CASE WHEN m.minor THEN 'GUARDIAN' WHEN d.deceased THEN 'NEXT_OF_KIN' ELSE 'SUBJECT' END AS addressee
                  FROM affected_subject x
                  JOIN data_subject d ON d.id = x.subject_id
                  CROSS JOIN LATERAL (SELECT d.minor OR (d.birth_year IS NOT NULL AND d.birth_year > ?) AS minor) m
                 WHERE x.incident_id = ?),
            r AS (
                SELECT a.country, a.region, a.minor, a.deceased,
                       EXISTS (SELECT 1 FROM subject_contact c WHERE c.subject_id = a.id AND c.owner = a.addressee
                                  AND c.kind = 'EMAIL') AS email,
                       EXISTS (SELECT 1 FROM subject_contact c WHERE c.subject_id = a.id AND c.owner = a.addressee
                                  AND c.kind = 'PHONE') AS phone,
                       a.addressee = 'SUBJECT' AND EXISTS (SELECT 1 FROM subject_push_registration p
                                  WHERE p.subject_id = a.id AND p.active) AS push,
                       EXISTS (SELECT 1 FROM subject_postal_address p WHERE p.subject_id = a.id
                                  AND p.owner = a.addressee) AS postal
                  FROM a)
            SELECT country, region, CASE WHEN GROUPING(country, region) = 3 THEN 1 ELSE 0 END AS grand_total,
                   count(*) AS subjects,
                   count(*) FILTER (WHERE minor) AS minors,
                   count(*) FILTER (WHERE deceased) AS deceased,
                   count(*) FILTER (WHERE email) AS email,
                   count(*) FILTER (WHERE phone) AS phone,
                   count(*) FILTER (WHERE push) AS push,
                   count(*) FILTER (WHERE postal) AS postal,
                   count(*) FILTER (WHERE NOT (email OR phone OR push OR postal)) AS nothing
              FROM r
             GROUP BY GROUPING SETS ((country, region), ())
            """;

    public Page<ListResult.UnmatchedRow> unmatched(UUID incidentId, int page, int size) {
        return inTransaction(() -> {
            try (Connection c = dataSource.getConnection()) {
                requireIncident(c, incidentId, "");
                List<ListResult.UnmatchedRow> items = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement("""
                        SELECT row_no, source_system, external_ref, reason FROM affected_unmatched_row
                         WHERE incident_id = ? ORDER BY row_no LIMIT ? OFFSET ?""")) {
                    s.setObject(1, incidentId);
                    s.setInt(2, size);
                    s.setLong(3, (long) page * size);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            items.add(new ListResult.UnmatchedRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                                    rs.getString(4)));
                        }
                    }
                }
                long total = count(c, "SELECT count(*) FROM affected_unmatched_row WHERE incident_id = ?", incidentId);
                return new Page<>(items, page, size, total);
            }
        });
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** Work that needs a transaction: longer than the default, since sets can hold millions of subjects. */
    private <T> T inTransaction(Work<T> work) {
        return QuarkusTransaction.requiringNew().timeout((int) config.transactionTimeout().toSeconds()).call(() -> {
            try {
                return work.run();
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("Affected-subject determination failed (SQLState "
                        + (e instanceof SQLException sql ? sql.getSQLState() : "-") + ")", e);
            }
        });
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException, IOException;
    }

    /**
     * Concurrent runs for one incident wait for each other; other incidents are not held up. The
     * incident must exist, and cannot be deleted while its set is written.
     */
    private static void lock(Connection c, UUID incidentId) throws SQLException {
        requireIncident(c, incidentId, " FOR KEY SHARE");
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            s.setLong(1, incidentId.getMostSignificantBits() ^ incidentId.getLeastSignificantBits());
            s.execute();
        }
    }

    private static void requireIncident(Connection c, UUID incidentId, String lock) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM incident WHERE id = ?" + lock)) {
            s.setObject(1, incidentId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("incident", incidentId);
                }
            }
        }
    }

    private static long previousCount(Connection c, UUID incidentId) throws SQLException {
        return count(c, "SELECT coalesce(max(affected_count), 0) FROM incident_scope WHERE incident_id = ?", incidentId);
    }

    private static void clear(Connection c, UUID incidentId) throws SQLException {
        for (String table : List.of("affected_subject", "affected_unmatched_row")) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE incident_id = ?")) {
                s.setObject(1, incidentId);
                s.executeLargeUpdate();
            }
        }
    }

    private static void recordScope(Connection c, UUID incidentId, AffectedSummary.ScopeMethod method,
            String selectors, long listed, long affected, long unmatched, String actor, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO incident_scope (incident_id, method, selectors, listed_rows, affected_count, unmatched_count,
                                            defined_by, defined_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (incident_id) DO UPDATE SET method = EXCLUDED.method, selectors = EXCLUDED.selectors,
                    listed_rows = EXCLUDED.listed_rows, affected_count = EXCLUDED.affected_count,
                    unmatched_count = EXCLUDED.unmatched_count, defined_by = EXCLUDED.defined_by,
                    defined_at = EXCLUDED.defined_at""")) {
            s.setObject(1, incidentId);
            s.setString(2, method.name());
            s.setString(3, selectors);
            s.setLong(4, listed);
            s.setLong(5, affected);
            s.setLong(6, unmatched);
            s.setString(7, actor);
            s.setTimestamp(8, Timestamp.from(now));
            s.executeUpdate();
        }
    }

    private String selectorsJson(ScopeSelectors selectors) {
        try {
            return json.writeValueAsString(selectors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Selectors always serialise", e);
        }
    }

    private static long count(Connection c, String sql, UUID incidentId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, incidentId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Category names separated by ';' or ','; unknown names are reported. */
    static Set<DataCategory> categories(String value, List<String> errors) {
        Set<DataCategory> out = EnumSet.noneOf(DataCategory.class);
        if (blank(value)) {
            return out;
        }
        Set<String> unknown = new TreeSet<>();
        for (String part : value.split("[;,]")) {
            String name = part.strip().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            try {
                out.add(DataCategory.valueOf(name));
            } catch (IllegalArgumentException e) {
                unknown.add(name.length() > 20 ? name.substring(0, 20) + "…" : name);
            }
        }
        if (!unknown.isEmpty()) {
            errors.add(unknown + " not data categories");
        }
        return out;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
