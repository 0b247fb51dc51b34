import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;

/**
 * Measures a running Herald (started by bench/run.sh): the streaming import of a generated file,
 * the PostgreSQL COPY ceiling for the same rows, and scope computation over a large registry.
 * Prints a Markdown report.
 *
 * <p>Usage: {@code java -cp <postgresql.jar> bench/Bench.java <baseUrl> <adminPassword> <jdbcUrl>
 * <subjects.csv> <registry size> <scoped subjects>}
 */
public class Bench {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static String base;
    private static String auth;

    public static void main(String[] args) throws Exception {
        base = args[0];
        auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + args[1]).getBytes(StandardCharsets.UTF_8));
        String jdbc = args[2];
        Path csv = Path.of(args[3]);
        long registry = Long.parseLong(args[4]);
        long scoped = Long.parseLong(args[5]);
        long rows = Files.lines(csv).count() - 1;

        StringBuilder report = new StringBuilder();
        report.append("| measurement | result |\n|---|---|\n");
        if (rows > 0) {
            importSubjects(csv, rows, report);
            copyCeiling(jdbc, csv, rows, report);
        }
        scope(jdbc, registry, scoped, report);
        System.out.println();
        System.out.println(report);
    }

    // ---- import ---------------------------------------------------------------------------------

    private static void importSubjects(Path csv, long rows, StringBuilder report) throws Exception {
        HeapWatch heap = new HeapWatch();
        Thread watcher = new Thread(heap, "heap-watch");
        watcher.setDaemon(true);
        watcher.start();
        long t0 = System.nanoTime();
        HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/subjects/imports?type=subjects"))
                .header("Authorization", auth).header("Content-Type", "text/csv; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofFile(csv)).timeout(Duration.ofMinutes(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("Import refused: " + accepted.statusCode() + " " + accepted.body());
        }
        double uploadSeconds = (System.nanoTime() - t0) / 1e9;
        String id = field(accepted.body(), "importId");
        String progress;
        while (true) {
            progress = get("/api/subjects/imports/" + id + "?size=1");
            String status = field(progress, "status");
            if (status.equals("COMPLETED") || status.equals("FAILED") || status.equals("INTERRUPTED")) {
                break;
            }
            Thread.sleep(500);
        }
        double wallSeconds = (System.nanoTime() - t0) / 1e9;
        heap.stop();
        long accepted1 = number(progress, "rowsAccepted");
        System.err.println("import: " + progress.replaceAll("\"errors\".*", ""));
        report.append("| import status | ").append(field(progress, "status")).append(", ").append(accepted1)
                .append(" of ").append(rows).append(" rows accepted, ").append(number(progress, "rowsRejected"))
                .append(" rejected |\n");
        report.append("| import rate (worker: first row read to last batch committed) | **")
                .append(String.format("%,.0f", Double.parseDouble(field(progress, "rowsPerSecond"))))
                .append(" rows/s** |\n");
        report.append("| upload of ").append(String.format("%,d", Files.size(csv))).append(" bytes until 202 | ")
                .append(String.format("%.1f s", uploadSeconds)).append(" |\n");
        report.append("| end to end (upload + import) | ").append(String.format("%.1f s = %,.0f rows/s", wallSeconds,
                rows / wallSeconds)).append(" |\n");
        report.append("| heap used, peak sampled every 250 ms (-Xmx512m) | ")
                .append(String.format("%,.0f MiB", heap.peak.get() / 1048576.0)).append(" |\n");
    }

    /** Samples heap use from the Prometheus endpoint (sum of the heap pools). */
    private static final class HeapWatch implements Runnable {
        final AtomicLong peak = new AtomicLong();
        volatile boolean running = true;
        private static final Pattern HEAP = Pattern.compile("jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+]+)");

        @Override
        public void run() {
            while (running) {
                try {
                    String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    Matcher m = HEAP.matcher(metrics);
                    long sum = 0;
                    while (m.find()) {
                        sum += (long) Double.parseDouble(m.group(1));
                    }
                    peak.accumulateAndGet(sum, Math::max);
                    Thread.sleep(250);
                } catch (Exception e) {
                    // keep sampling
                }
            }
        }

        void stop() {
            running = false;
        }
    }

    // ---- COPY ceiling -----------------------------------------------------------------------------

    private static void copyCeiling(String jdbc, Path csv, long rows, StringBuilder report) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement()) {
            String columns = "source_system varchar(100), external_ref varchar(200), display_name text, locale varchar(35), "
                    + "country varchar(2), region varchar(6), emails text, phones text";
            s.execute("DROP TABLE IF EXISTS bench_copy");
            s.execute("CREATE TABLE bench_copy (" + columns + ")");
            double plain = copy(c, "bench_copy", csv);
            s.execute("DROP TABLE bench_copy");
            s.execute("CREATE TABLE bench_copy (" + columns + ", UNIQUE (source_system, external_ref))");
            double unique = copy(c, "bench_copy", csv);
            s.execute("DROP TABLE bench_copy");
            stored(c, csv.resolveSibling("stored-subjects.copy"), csv.resolveSibling("stored-contacts.copy"), rows, report);
            report.append("| ceiling: `COPY` of the same CSV into a plain table (no index) | ")
                    .append(String.format("%.1f s = **%,.0f rows/s**", plain, rows / plain)).append(" |\n");
            report.append("| ceiling: `COPY` into a table with the unique (source, reference) index | ")
                    .append(String.format("%.1f s = %,.0f rows/s", unique, rows / unique)).append(" |\n");
        }
    }

    /**
     * The floor of Herald's own write: the rows it stored (sealed values, blind indexes), copied out
     * and loaded again with COPY into tables with the same indexes and foreign key.
     */
    private static void stored(Connection c, Path subjects, Path contacts, long rows, StringBuilder report)
            throws Exception {
        var copy = c.unwrap(PGConnection.class).getCopyAPI();
        try (var out = Files.newOutputStream(subjects)) {
            copy.copyOut("COPY (SELECT * FROM data_subject WHERE source_system = 'bench') TO STDOUT", out);
        }
        try (var out = Files.newOutputStream(contacts)) {
            copy.copyOut("""
                    COPY (SELECT c.* FROM subject_contact c JOIN data_subject d ON d.id = c.subject_id
                           WHERE d.source_system = 'bench') TO STDOUT""", out);
        }
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_contact, bench_subject");
            s.execute("CREATE TABLE bench_subject (LIKE data_subject INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)");
            s.execute("CREATE TABLE bench_contact (LIKE subject_contact INCLUDING CONSTRAINTS INCLUDING INDEXES)");
            s.execute("ALTER TABLE bench_contact ADD FOREIGN KEY (subject_id) REFERENCES bench_subject (id)");
            long t0 = System.nanoTime();
            try (var in = Files.newInputStream(subjects)) {
                copy.copyIn("COPY bench_subject FROM STDIN", in);
            }
            try (var in = Files.newInputStream(contacts)) {
                copy.copyIn("COPY bench_contact FROM STDIN", in);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            s.execute("DROP TABLE bench_contact, bench_subject");
            report.append("| ceiling: `COPY` of the rows Herald stored (sealed, indexed: 1 subject + 2 contact rows each) into tables with the same indexes and foreign key | ")
                    .append(String.format("%.1f s = **%,.0f subjects/s**", seconds, rows / seconds)).append(" |\n");
        }
    }

    private static double copy(Connection c, String table, Path csv) throws Exception {
        long t0 = System.nanoTime();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN (FORMAT csv, HEADER)", r);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    // ---- scope ------------------------------------------------------------------------------------

    private static void scope(String jdbc, long registry, long scoped, StringBuilder report) throws Exception {
        long every = registry / scoped;
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement()) {
            // Synthetic registry straight in SQL: every subject held by bench-web, every n-th by bench-crm.
            s.execute("""
                    INSERT INTO data_subject (source_system, external_ref, country, region, content_hash, created_at, updated_at)
                    SELECT 'bench-scope', 'S-' || g,
                           (ARRAY['US','DE','GB','FR'])[1 + g %% 4],
                           CASE g %% 4 WHEN 0 THEN (ARRAY['US-CA','US-NY','US-TX'])[1 + g %% 3] ELSE NULL END,
                           '\\x00'::bytea, now(), now()
                      FROM generate_series(1, %d) AS g""".formatted(registry));
            s.execute("""
                    INSERT INTO subject_holding (subject_id, system_name, category, since, updated_at)
                    SELECT id, 'bench-web', 'CONTACT', date '2019-01-01', now() FROM data_subject
                     WHERE source_system = 'bench-scope'""");
            s.execute("""
                    INSERT INTO subject_holding (subject_id, system_name, category, since, updated_at)
                    SELECT id, 'bench-crm', c, date '2020-01-01', now() FROM data_subject
                     CROSS JOIN unnest(ARRAY['CONTACT','IDENTITY']) AS c
                     WHERE source_system = 'bench-scope' AND substring(external_ref FROM 3)::bigint %% %d = 0""".formatted(every));
            s.execute("ANALYZE data_subject");
            s.execute("ANALYZE subject_holding");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM subject_holding")) {
                rs.next();
                report.append("| synthetic registry for scope (SQL, not timed as import) | ")
                        .append(String.format("%,d subjects, %,d holdings, built in %.0f s", registry, rs.getLong(1),
                                (System.nanoTime() - t0) / 1e9)).append(" |\n");
            }
        }
        UUID incident = UUID.fromString(field(send("POST", "/api/incidents", "{\"title\":\"Benchmark scope\"}"), "id"));
        String selectors = "{\"systems\":[\"bench-crm\"],\"categories\":[\"CONTACT\",\"IDENTITY\"],\"from\":\"2021-01-01\"}";
        for (String run : new String[] {"first run", "re-run (replaces the set)"}) {
            long t = System.nanoTime();
            String result = send("PUT", "/api/incidents/" + incident + "/scope", selectors);
            double seconds = (System.nanoTime() - t) / 1e9;
            report.append("| scope ").append(run).append(": ").append(String.format("%,d", number(result, "affected")))
                    .append(" of ").append(String.format("%,d", registry)).append(" subjects (PUT until answered) | **")
                    .append(String.format("%.1f s", seconds)).append("** |\n");
        }
        long t = System.nanoTime();
        get("/api/incidents/" + incident + "/affected/summary");
        report.append("| summary of that affected set: jurisdictions, categories, minors, reachability (GET) | ")
                .append(String.format("%.1f s", (System.nanoTime() - t) / 1e9)).append(" |\n");
    }

    // ---- HTTP helpers -----------------------------------------------------------------------------

    private static String get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    private static String send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth)
                .timeout(Duration.ofMinutes(20));
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("No " + name + " in " + json);
        }
        return m.group(1);
    }

    private static long number(String json, String name) {
        return Long.parseLong(field(json, name));
    }
}
