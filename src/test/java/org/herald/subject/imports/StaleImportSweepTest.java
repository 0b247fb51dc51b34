package org.herald.subject.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.herald.subject.Db;
import org.junit.jupiter.api.Test;

/** An import whose replica went silent is marked INTERRUPTED, and says how to finish it. */
@QuarkusTest
class StaleImportSweepTest {

    @Inject
    ImportWorkers workers;

    @Test
    void anImportSilentForLongerThanTheLimitIsInterruptedAndAudited() {
        UUID silent = UUID.randomUUID();
        UUID alive = UUID.randomUUID();
        Instant longAgo = Instant.now().minus(Duration.ofHours(1));
        insertRunning(silent, longAgo);
        insertRunning(alive, Instant.now());

        workers.heartbeatAndSweep();

        Map<String, Object> row = Db.rows("SELECT status, failure FROM subject_import WHERE id = ?", silent).get(0);
        assertEquals("INTERRUPTED", row.get("status"));
        assertTrue(((String) row.get("failure")).contains("send the same file again"), (String) row.get("failure"));
        assertEquals("RUNNING", Db.rows("SELECT status FROM subject_import WHERE id = ?", alive).get(0).get("status"));
        assertEquals(1, Db.count("""
                SELECT count(*) FROM audit_entry WHERE entity_type = 'subject-import' AND entity_id = ?
                   AND action = 'interrupted'""", silent.toString()));
    }

    private static void insertRunning(UUID id, Instant heartbeat) {
        Timestamp at = Timestamp.from(heartbeat);
        Db.execute("""
                INSERT INTO subject_import (id, type, format, status, rows_read, created_by, created_at, started_at,
                                            progress_at, heartbeat_at)
                VALUES (?, 'SUBJECTS', 'CSV', 'RUNNING', 5000, 'analyst', ?, ?, ?, ?)""", id, at, at, at, at);
    }
}
