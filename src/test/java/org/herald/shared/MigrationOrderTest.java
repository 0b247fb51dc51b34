package org.herald.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.herald.shared.db.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations are numbered in ranges per feature, so a later change to an earlier feature (here
 * V54, notices) has a lower number than the newest migration (V80, announcements). A database
 * created before it existed must take it on upgrade, with the application's own Flyway setting.
 */
class MigrationOrderTest {

    private static final String HELD_BACK = "V54__";

    @TempDir
    Path dir;

    @Test
    void aDatabaseCreatedBeforeALaterMigrationOfAnEarlierFeatureTakesItOnUpgrade() throws Exception {
        Path all = Path.of(getClass().getClassLoader().getResource("db/migration").toURI());
        Path older = Files.createDirectories(dir.resolve("older"));
        List<Path> migrations;
        try (Stream<Path> files = Files.list(all)) {
            migrations = files.filter(f -> f.getFileName().toString().endsWith(".sql")).toList();
        }
        assertThat(migrations).anyMatch(f -> f.getFileName().toString().startsWith(HELD_BACK));
        assertThat(migrations).anyMatch(f -> f.getFileName().toString().startsWith("V80__"));
        for (Path f : migrations) {
            if (!f.getFileName().toString().startsWith(HELD_BACK)) {
                Files.copy(f, older.resolve(f.getFileName()));
            }
        }

        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("postgres"), 0, false)) {
            Flyway.configure().dataSource(db.jdbcUrl(), null, null).locations("filesystem:" + older).load().migrate();

            Flyway.configure().dataSource(db.jdbcUrl(), null, null).locations("filesystem:" + all)
                    .outOfOrder(Boolean.parseBoolean(applicationProperty("quarkus.flyway.out-of-order")))
                    .load().migrate();

            try (Connection c = DriverManager.getConnection(db.jdbcUrl()); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("""
                            SELECT success FROM flyway_schema_history WHERE version = '54'""")) {
                assertThat(rs.next()).as("V54 applied on upgrade").isTrue();
                assertThat(rs.getBoolean(1)).isTrue();
            }
            try (Connection c = DriverManager.getConnection(db.jdbcUrl()); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_indexes WHERE indexname = 'notice_incident_ix'")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
        }
    }

    private static String applicationProperty(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = MigrationOrderTest.class.getClassLoader().getResourceAsStream("application.properties")) {
            p.load(in);
        }
        return p.getProperty(name, "false");
    }
}
