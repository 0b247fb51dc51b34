package org.herald.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.herald.shared.db.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zero-configuration database is a real PostgreSQL whose data survives a restart. */
class EmbeddedDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void dataSurvivesARestart() throws Exception {
        Path data = dir.resolve("postgres");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, 0, false);
                Connection c = DriverManager.getConnection(db.jdbcUrl());
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE kept (v text)");
            st.execute("INSERT INTO kept VALUES ('still here')");
            try (ResultSet rs = st.executeQuery("SELECT version()")) {
                rs.next();
                assertThat(rs.getString(1)).startsWith("PostgreSQL 17");
            }
        }
        assertThat(Files.exists(data.resolve("PG_VERSION"))).isTrue();
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, 0, false);
                Connection c = DriverManager.getConnection(db.jdbcUrl());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT v FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void freshStartDiscardsOldData() throws Exception {
        Path data = dir.resolve("fresh");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, 0, false);
                Connection c = DriverManager.getConnection(db.jdbcUrl());
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE gone (v text)");
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, 0, true);
                Connection c = DriverManager.getConnection(db.jdbcUrl());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'gone'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }
}
