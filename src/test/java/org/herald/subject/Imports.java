package org.herald.subject;

import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.herald.testing.TestUsers;

/** Uploads import bodies through the API and waits for the import to finish. */
public final class Imports {

    private static final Set<String> FINISHED = Set.of("COMPLETED", "FAILED", "INTERRUPTED");

    private Imports() {
    }

    public static String uploadCsv(String type, String source, String body) {
        return upload(TestUsers.asAnalyst(), type, source, "text/csv; charset=utf-8", body);
    }

    public static String uploadNdjson(String type, String source, String body) {
        return upload(TestUsers.asAnalyst(), type, source, "application/x-ndjson; charset=utf-8", body);
    }

    public static String upload(RequestSpecification as, String type, String source, String contentType, String body) {
        RequestSpecification request = as.contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8))
                .queryParam("type", type);
        if (source != null) {
            request.queryParam("source", source);
        }
        return request.post("/api/subjects/imports").then().statusCode(202).extract().path("importId");
    }

    /**
     * Waits until the import has finished (watching its row, since every API call pays for a bcrypt
     * check), then returns its progress as the API shows it; fails after a generous minute.
     */
    public static JsonPath awaitFinished(String importId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String status = (String) Db.rows("SELECT status FROM subject_import WHERE id = ?::uuid", importId)
                    .get(0).get("status");
            if (FINISHED.contains(status)) {
                return TestUsers.asAnalyst().queryParam("size", 500).get("/api/subjects/imports/" + importId)
                        .then().statusCode(200).extract().jsonPath();
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        fail("Import " + importId + " did not finish within a minute");
        return null;
    }

    /** Uploads a CSV and returns the finished import's progress. */
    public static JsonPath importCsv(String type, String source, String body) {
        return awaitFinished(uploadCsv(type, source, body));
    }

    public static JsonPath importNdjson(String type, String source, String body) {
        return awaitFinished(uploadNdjson(type, source, body));
    }
}
