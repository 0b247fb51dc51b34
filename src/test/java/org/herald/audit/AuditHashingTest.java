package org.herald.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditHashingTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:15:30.123456Z");

    @Test
    void hashIsSha256HexOverPreviousHashAndCanonicalFields() {
        String h = AuditHashing.hash(AuditHashing.GENESIS, 1, AT, "alice", "incident", "42", "created", "{}");
        assertThat(h).matches("[0-9a-f]{64}");
        assertThat(AuditHashing.hash(AuditHashing.GENESIS, 1, AT, "alice", "incident", "42", "created", "{}")).isEqualTo(h);
    }

    @Test
    void everyFieldTakesPartInTheHash() {
        String base = AuditHashing.hash(AuditHashing.GENESIS, 1, AT, "alice", "incident", "42", "created", "{}");
        assertThat(AuditHashing.hash("1".repeat(64), 1, AT, "alice", "incident", "42", "created", "{}")).isNotEqualTo(base);
        assertThat(AuditHashing.hash(AuditHashing.GENESIS, 2, AT, "alice", "incident", "42", "created", "{}")).isNotEqualTo(base);
        assertThat(AuditHashing.hash(AuditHashing.GENESIS, 1, AT.plusNanos(1000), "alice", "incident", "42", "created", "{}")).isNotEqualTo(base);
        assertThat(AuditHashing.hash(AuditHashing.GENESIS, 1, AT, "bob", "incident", "42", "created", "{}")).isNotEqualTo(base);
        assertThat(AuditHashing.hash(AuditHashing.GENESIS, 1, AT, "alice", "user", "42", "created", "{}")).isNotEqualTo(base);
        assertThat(AuditHashing.hash(AuditHashing.GENESIS, 1, AT, "alice", "incident", "43", "created", "{}")).isNotEqualTo(base);
        assertThat(AuditHashing.hash(AuditHashing.GENESIS, 1, AT, "alice", "incident", "42", "changed", "{}")).isNotEqualTo(base);
        assertThat(AuditHashing.hash(AuditHashing.GENESIS, 1, AT, "alice", "incident", "42", "created", "{\"a\":1}")).isNotEqualTo(base);
    }
}
