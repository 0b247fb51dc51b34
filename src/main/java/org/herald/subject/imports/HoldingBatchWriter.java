package org.herald.subject.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Writes a batch of holdings: staged with COPY, joined to the registry by (source system, external
 * reference), upserted by (subject, system, category). Rows whose subject is unknown are refused
 * with their row numbers, found by the same set-based join.
 */
final class HoldingBatchWriter implements BatchWriter<ValidHolding, CopyRows> {

    private static final String CREATE_STAGE = """
            CREATE TEMP TABLE IF NOT EXISTS import_holding_stage (
                row_no bigint, source_system varchar(100), external_ref varchar(200), system_name varchar(100),
                category varchar(32), since date, until date) ON COMMIT DELETE ROWS
            """;

    private static final String UPSERT = """
            INSERT INTO subject_holding AS h (subject_id, system_name, category, since, until, updated_at)
            SELECT d.id, s.system_name, s.category, s.since, s.until, ?
              FROM import_holding_stage s
              JOIN data_subject d ON d.source_system = s.source_system AND d.external_ref = s.external_ref
             ORDER BY d.id, s.system_name, s.category
            ON CONFLICT (subject_id, system_name, category) DO UPDATE
               SET since = EXCLUDED.since, until = EXCLUDED.until, updated_at = EXCLUDED.updated_at
             WHERE (h.since, h.until) IS DISTINCT FROM (EXCLUDED.since, EXCLUDED.until)
            """;

    private static final String UNKNOWN = """
            SELECT s.row_no, s.source_system, s.external_ref FROM import_holding_stage s
             WHERE NOT EXISTS (SELECT 1 FROM data_subject d
                                WHERE d.source_system = s.source_system AND d.external_ref = s.external_ref)
             ORDER BY s.row_no
            """;

    private final Connection connection;

    HoldingBatchWriter(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement s = connection.createStatement()) {
            s.execute(CREATE_STAGE);
        }
    }

    @Override
    public CopyRows prepare(Collection<ValidHolding> rows) {
        CopyRows stage = new CopyRows();
        for (ValidHolding h : rows) {
            stage.number(h.row()).text(h.sourceSystem()).text(h.externalRef()).text(h.system())
                    .text(h.category().name()).date(h.since()).date(h.until()).endRow();
        }
        return stage;
    }

    @Override
    public Written write(CopyRows stage, Instant now) throws SQLException {
        stage.copyInto(connection,
                "import_holding_stage (row_no, source_system, external_ref, system_name, category, since, until)");
        try (Statement s = connection.createStatement()) {
            // Statistics on the staged rows keep the join to the registry on its index.
            s.execute("ANALYZE import_holding_stage");
        }
        int changed;
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setTimestamp(1, Timestamp.from(now));
            changed = upsert.executeUpdate();
        }
        List<Refused> refused = new ArrayList<>();
        try (PreparedStatement unknown = connection.prepareStatement(UNKNOWN); ResultSet rs = unknown.executeQuery()) {
            while (rs.next()) {
                refused.add(new Refused(rs.getLong(1), rs.getString(3), new RowError("externalRef",
                        "no subject with this reference in source system '" + rs.getString(2) + "'")));
            }
        }
        return new Written(changed, refused);
    }

    @Override
    public void close() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("DROP TABLE IF EXISTS import_holding_stage");
        }
    }
}
