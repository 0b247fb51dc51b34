package org.herald.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.startsWith;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.herald.testing.TestUsers;
import org.junit.jupiter.api.Test;

/** The audit log is append-only in the database and any edit behind Herald's back is found. */
@QuarkusTest
class AuditChainTest {

    @Inject
    AuditLog audit;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void entriesChainAndVerify() {
        AuditEntry first = QuarkusTransaction.requiringNew().call(() ->
                audit.recordAs("tester", "probe", "p-1", "created", Map.of("title", "first")));
        AuditEntry second = QuarkusTransaction.requiringNew().call(() ->
                audit.recordAs("tester", "probe", "p-1", "changed", Map.of("title", "second")));
        assertThat(second.seq()).isEqualTo(first.seq() + 1);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(second.hash()).hasSize(64).isNotEqualTo(first.hash());

        TestUsers.asAuditor().get("/api/audit/verify").then().statusCode(200)
                .body("valid", equalTo(true))
                .body("entriesChecked", greaterThan(1));
    }

    @Test
    void actorIsTheSignedInUser() {
        TestUsers.asAdmin().contentType("application/json")
                .body(Map.of("username", "audited.person", "displayName", "Audited", "password", "long-enough-password",
                        "roles", java.util.List.of("AUDITOR")))
                .post("/api/users").then().statusCode(201);
        TestUsers.asAuditor().get("/api/audit?size=5").then().statusCode(200)
                .body("items[0].actor", equalTo("admin"))
                .body("items[0].entityType", equalTo("user"))
                .body("items[0].action", equalTo("created"));
    }

    @Test
    void summariesAreCanonicalJsonWithSortedKeys() {
        AuditEntry e = QuarkusTransaction.requiringNew().call(() ->
                audit.recordAs("tester", "probe", "p-2", "changed", Map.of("zeta", 1, "alpha", Map.of("b", 2, "a", 1))));
        assertThat(e.summary()).isEqualTo("{\"alpha\":{\"a\":1,\"b\":2},\"zeta\":1}");
    }

    @Test
    void databaseRefusesUpdateAndDelete() throws SQLException {
        QuarkusTransaction.requiringNew().run(() -> audit.recordAs("tester", "probe", "p-3", "created", Map.of()));
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("UPDATE audit_entry SET actor = 'mallory'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM audit_entry"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> st.executeUpdate("TRUNCATE audit_entry"))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void verifyNamesTheFirstEntryAlteredBehindHeraldsBack() throws SQLException {
        AuditEntry target = QuarkusTransaction.requiringNew().call(() ->
                audit.recordAs("tester", "probe", "p-4", "changed", Map.of("severity", "HIGH")));
        QuarkusTransaction.requiringNew().run(() -> audit.recordAs("tester", "probe", "p-4", "changed", Map.of("severity", "LOW")));

        String original;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT summary FROM audit_entry WHERE seq = " + target.seq())) {
                rs.next();
                original = rs.getString(1);
            }
            // Someone with database access drops the guard and rewrites history.
            st.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_or_delete");
            try {
                setSummary(c, target.seq(), "{\"severity\":\"LOW\"}");

                TestUsers.asAuditor().get("/api/audit/verify").then().statusCode(200)
                        .body("valid", equalTo(false))
                        .body("firstBroken.seq", equalTo((int) target.seq()))
                        .body("firstBroken.reason", startsWith("content does not match its hash"));
            } finally {
                setSummary(c, target.seq(), original);
                st.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update_or_delete");
            }
        }
        TestUsers.asAuditor().get("/api/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    private static void setSummary(Connection c, long seq, String summary) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE audit_entry SET summary = ? WHERE seq = ?")) {
            ps.setString(1, summary);
            ps.setLong(2, seq);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }
}
