import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures notice dispatch of running Herald instances (started by bench/notices.sh): imports
 * synthetic Californians, records an incident over them, runs the rules, plans a campaign from the
 * resulting individual-notice obligation, has a second officer approve it, starts it and counts
 * notices per second until every notice is sent, sampling each instance's heap. Prints a Markdown
 * report. {@code setup} prepares an approved campaign; {@code run} starts it and measures.
 *
 * <p>Usage: {@code java -cp <postgresql.jar> bench/NoticeBench.java setup <baseUrl> <adminPassword> <subjects>}
 * prints the campaign id; {@code java -cp <postgresql.jar> bench/NoticeBench.java run <adminPassword> <jdbcUrl>
 * <campaignId> <baseUrl>[,<baseUrl>...]}.
 */
public class NoticeBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String OFFICER_PASSWORD = "bench-officer-password";
    private static final Pattern HEAP = Pattern.compile("jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+]+)");

    public static void main(String[] args) throws Exception {
        if (args[0].equals("setup")) {
            setup(args[1], args[2], Integer.parseInt(args[3]), args.length > 4 ? args[4] : "bench");
        } else {
            run(args[1], args[2], args[3], List.of(args[4].split(",")));
        }
    }

    // ---- setup ------------------------------------------------------------------------------------

    /**
     * Prepares an approved campaign of {@code subjects} e-mail notices: its own subjects, system and
     * incident, all named after {@code name}, so a warm-up campaign and the measured one can share
     * an instance.
     */
    private static void setup(String base, String adminPassword, int subjects, String name) throws Exception {
        String admin = basic("admin", adminPassword);
        for (String user : List.of("bench-analyst", "bench-officer-1", "bench-officer-2")) {
            String role = user.equals("bench-analyst") ? "ANALYST" : "PRIVACY_OFFICER";
            String existing = call(base, "GET", "/api/users", admin, null, 200);
            if (!existing.contains("\"" + user + "\"")) {
                call(base, "POST", "/api/users", admin, "{\"username\":\"" + user + "\",\"displayName\":\"" + user
                        + "\",\"password\":\"" + OFFICER_PASSWORD + "\",\"roles\":[\"" + role + "\"]}", 201);
            }
        }
        String system = name + "-crm";
        String analyst = basic("bench-analyst", OFFICER_PASSWORD);
        String officer1 = basic("bench-officer-1", OFFICER_PASSWORD);
        String officer2 = basic("bench-officer-2", OFFICER_PASSWORD);

        long t0 = System.nanoTime();
        StringBuilder people = new StringBuilder("source_system,external_ref,display_name,locale,country,region,emails\n");
        StringBuilder holdings = new StringBuilder("source_system,external_ref,system,category\n");
        for (int i = 1; i <= subjects; i++) {
            people.append("bench,").append(name).append('-').append(i).append(",Bench Person ").append(i)
                    .append(",en-US,US,US-CA,").append(name).append(".person").append(i).append("@example.org\n");
            holdings.append("bench,").append(name).append('-').append(i).append(',').append(system).append(",CONTACT\n");
        }
        importCsv(base, analyst, "subjects", people.toString());
        importCsv(base, analyst, "holdings", holdings.toString());
        System.err.printf("imported %,d subjects and holdings in %.1f s%n", subjects, (System.nanoTime() - t0) / 1e9);

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String content = "{\"basicSituation\":\"A benchmark system exposed contact records.\","
                + "\"possibleImpact\":\"Unwanted e-mail.\",\"measures\":\"We closed the gap.\","
                + "\"selfProtectionAdvice\":\"Watch for phishing.\",\"remedies\":\"Twelve months of monitoring.\","
                + "\"contactPoint\":{\"name\":\"Privacy Office\",\"email\":\"privacy@example.org\",\"phone\":\"+1 202 555 0100\"}}";
        String incident = "{\"title\":\"Notice benchmark\",\"severity\":\"HIGH\",\"breachTypes\":[\"CONFIDENTIALITY\"],"
                + "\"causeFamily\":\"HACKING\",\"detectedAt\":\"" + now.minus(3, ChronoUnit.HOURS) + "\",\"awareAt\":\""
                + now.minus(2, ChronoUnit.HOURS) + "\",\"systems\":[\"" + system + "\"],\"dataCategories\":[\"CONTACT\",\"IDENTITY\"],"
                + "\"encryption\":\"UNENCRYPTED\",\"exfiltration\":\"CONFIRMED\",\"content\":{\"en\":" + content + "}}";
        String id = field(call(base, "POST", "/api/incidents", analyst, incident, 201), "id");
        t0 = System.nanoTime();
        call(base, "PUT", "/api/incidents/" + id + "/scope", analyst, "{\"systems\":[\"" + system + "\"]}", 200);
        System.err.printf("scope in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        call(base, "POST", "/api/incidents/" + id + "/assessment", officer1, "{\"riskLevel\":\"high\"}", 200);
        String obligations = call(base, "GET", "/api/incidents/" + id + "/obligations", officer1, null, 200);
        if (!obligations.contains("\"INDIVIDUAL_NOTICE\"") || !obligations.contains("\"US-CA\"")) {
            throw new IllegalStateException("No California individual-notice obligation: " + obligations);
        }
        t0 = System.nanoTime();
        String campaign = field(call(base, "POST", "/api/incidents/" + id + "/campaigns", analyst, null, 201), "id");
        System.err.printf("campaign planned in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        call(base, "POST", "/api/campaigns/" + campaign + "/approve", officer1, "{}", 200);
        System.out.println(campaign);
    }

    private static void importCsv(String base, String auth, String type, String csv) throws Exception {
        String accepted = call(base, "POST", "/api/subjects/imports?type=" + type, auth, csv, 202, "text/csv; charset=utf-8");
        String importId = field(accepted, "importId");
        while (true) {
            String progress = call(base, "GET", "/api/subjects/imports/" + importId + "?size=3", auth, null, 200);
            String status = field(progress, "status");
            if (status.equals("COMPLETED")) {
                if (number(progress, "rowsRejected") > 0) {
                    throw new IllegalStateException("Rows rejected: " + progress);
                }
                return;
            }
            if (status.equals("FAILED") || status.equals("INTERRUPTED")) {
                throw new IllegalStateException("Import " + status + ": " + progress);
            }
            Thread.sleep(500);
        }
    }

    // ---- run ----------------------------------------------------------------------------------------

    private static void run(String adminPassword, String jdbc, String campaign, List<String> bases) throws Exception {
        String officer2 = basic("bench-officer-2", OFFICER_PASSWORD);
        List<HeapWatch> heaps = new ArrayList<>();
        for (String b : bases) {
            HeapWatch h = new HeapWatch(b);
            Thread t = new Thread(h, "heap-" + b);
            t.setDaemon(true);
            t.start();
            heaps.add(h);
        }
        try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement()) {
            long total = count(s, "SELECT count(*) FROM notice WHERE campaign_id = '" + campaign + "'");
            long[] updatesBefore = updates(s);
            long t0 = System.nanoTime();
            call(bases.get(0), "POST", "/api/campaigns/" + campaign + "/start", officer2, null, 200);
            List<String> timeline = new ArrayList<>();
            long sent = 0;
            long lastSecond = -1;
            double fifth = -1;
            long sentAtFifth = 0;
            while (true) {
                sent = count(s, "SELECT count(*) FROM notice WHERE campaign_id = '" + campaign
                        + "' AND state NOT IN ('QUEUED', 'RETRY_SCHEDULED')");
                double elapsed = (System.nanoTime() - t0) / 1e9;
                if (fifth < 0 && sent * 5 >= total) {
                    fifth = elapsed;
                    sentAtFifth = sent;
                }
                long second = (long) elapsed;
                if (second / 5 != lastSecond / 5) {
                    lastSecond = second;
                    StringBuilder line = new StringBuilder(String.format("| %5.1f s | %,d |", elapsed, sent));
                    for (HeapWatch h : heaps) {
                        line.append(String.format(" %,.0f MiB |", h.last / 1048576.0));
                    }
                    timeline.add(line.toString());
                    System.err.println(line);
                }
                if (sent >= total) {
                    break;
                }
                if (elapsed > 3600) {
                    throw new IllegalStateException("Gave up after an hour at " + sent + " of " + total);
                }
                // The count reads every notice of the campaign: once a second while most are still to go
                // (five times a second took a noticeable share of the database's CPU from the run being
                // measured), every 100 ms towards the end, so that the end is still seen to a tenth of a second.
                double rate = sent / Math.max(elapsed, 0.1);
                Thread.sleep(total - sent > 2 * rate ? 1000 : 100);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            heaps.forEach(HeapWatch::stop);

            long attempts = count(s, "SELECT count(*) FROM notice_attempt a JOIN notice n ON n.id = a.notice_id "
                    + "WHERE n.campaign_id = '" + campaign + "'");
            long replays = count(s, "SELECT coalesce(sum(a.replays), 0) FROM notice_attempt a JOIN notice n ON n.id = a.notice_id "
                    + "WHERE n.campaign_id = '" + campaign + "'");
            long multi = count(s, "SELECT count(*) FROM (SELECT a.notice_id FROM notice_attempt a JOIN notice n "
                    + "ON n.id = a.notice_id WHERE n.campaign_id = '" + campaign + "' GROUP BY a.notice_id HAVING count(*) > 1) x");
            long accepted = count(s, "SELECT count(*) FROM notice WHERE campaign_id = '" + campaign + "' AND state = 'SENT'");
            long workers = count(s, "SELECT count(DISTINCT a.worker) FROM notice_attempt a JOIN notice n ON n.id = a.notice_id "
                    + "WHERE n.campaign_id = '" + campaign + "'");
            ResultSet states = s.executeQuery("SELECT state, count(*) FROM notice WHERE campaign_id = '" + campaign
                    + "' GROUP BY state ORDER BY state");
            StringBuilder byState = new StringBuilder();
            while (states.next()) {
                byState.append(states.getString(1)).append(' ').append(String.format("%,d", states.getLong(2))).append("; ");
            }

            // Heap-only updates: no new index entries (docs/performance.md, V53). The statistics are
            // flushed about once a second, so wait until they cover this campaign's updates.
            long[] updatesAfter = updates(s);
            for (int i = 0; i < 30 && updatesAfter[0] - updatesBefore[0] < 2 * total; i++) {
                Thread.sleep(200);
                updatesAfter = updates(s);
            }
            String hot = String.format("notice %,d of %,d; notice_attempt %,d of %,d",
                    updatesAfter[1] - updatesBefore[1], updatesAfter[0] - updatesBefore[0],
                    updatesAfter[3] - updatesBefore[3], updatesAfter[2] - updatesBefore[2]);

            StringBuilder report = new StringBuilder();
            report.append("| measurement | result |\n|---|---|\n");
            report.append(String.format("| instances | %d (%d sending threads in all) |%n", bases.size(), workers));
            report.append(String.format("| notices | %,d (%s) |%n", total, byState.toString().replaceAll("; $", "")));
            report.append(String.format("| start → last notice out of the queue | %.1f s = **%,.0f notices/s** |%n", seconds,
                    total / seconds));
            report.append(String.format("| after the first fifth (JIT warm-up): %,d notices from %.1f s to the end | %,.0f notices/s |%n",
                    total - sentAtFifth, fifth, (total - sentAtFifth) / (seconds - fifth)));
            report.append(String.format("| heap-only updates during the campaign | %s |%n", hot));
            report.append(String.format("| attempts written | %,d (notices with more than one attempt: %,d; replays: %,d) |%n",
                    attempts, multi, replays));
            for (int i = 0; i < heaps.size(); i++) {
                report.append(String.format("| heap used, instance %d, peak of samples every 250 ms (-Xmx512m) | %,.0f MiB |%n",
                        i + 1, heaps.get(i).peak / 1048576.0));
            }
            System.out.println(report);
            System.out.println("SENT=" + accepted);
            System.out.println();
            StringBuilder head = new StringBuilder("| time since start | notices out of the queue |");
            StringBuilder rule = new StringBuilder("|---|---|");
            for (int i = 1; i <= heaps.size(); i++) {
                head.append(" heap, instance ").append(i).append(" |");
                rule.append("---|");
            }
            System.out.println(head);
            System.out.println(rule);
            timeline.forEach(System.out::println);
        }
    }

    /** Updates and heap-only updates so far: notice, then notice_attempt. */
    private static long[] updates(Statement s) throws Exception {
        long[] out = new long[4];
        try (ResultSet rs = s.executeQuery("SELECT relname, n_tup_upd, n_tup_hot_upd FROM pg_stat_user_tables "
                + "WHERE relname IN ('notice', 'notice_attempt')")) {
            while (rs.next()) {
                int at = rs.getString(1).equals("notice") ? 0 : 2;
                out[at] = rs.getLong(2);
                out[at + 1] = rs.getLong(3);
            }
        }
        return out;
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Samples heap use from the Prometheus endpoint (sum of the heap pools). */
    private static final class HeapWatch implements Runnable {
        final String base;
        volatile long peak;
        volatile long last;
        volatile boolean running = true;

        HeapWatch(String base) {
            this.base = base;
        }

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
                    last = sum;
                    peak = Math.max(peak, sum);
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

    // ---- HTTP -------------------------------------------------------------------------------------------

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String call(String base, String method, String path, String auth, String body, int expected)
            throws Exception {
        return call(base, method, path, auth, body, expected, "application/json");
    }

    private static String call(String base, String method, String path, String auth, String body, int expected,
            String type) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth)
                .timeout(Duration.ofMinutes(30));
        if (body != null) {
            r.header("Content-Type", type);
        }
        r.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("No " + name + " in " + json);
        }
        return m.group(1);
    }

    private static long number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*([0-9]+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
