package org.herald.regulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The real reference data the regulator tests run on: the VCDB records and the VERIS schema, and the
 * HHS breach-portal file. Copies live in src/test/resources; when the shared reference folder sits
 * beside the repository ({@code ../shared/data}), its files are read too, so new records are tested.
 */
public final class ReferenceData {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path SHARED = Path.of("..", "shared", "data");
    private static final Path COPIES = Path.of("src", "test", "resources");

    private ReferenceData() {
    }

    /** Every VCDB record by file name (extensions .json and .JSON alike). */
    public static Map<String, JsonNode> vcdbRecords() {
        Map<String, JsonNode> records = new TreeMap<>();
        for (Path dir : List.of(COPIES.resolve("vcdb-dev"), SHARED.resolve("vcdb-dev"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".json")).toList()) {
                    records.putIfAbsent(f.getFileName().toString(), MAPPER.readTree(f.toFile()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return records;
    }

    /** The VERIS 1.4.1 schema, read independently of Herald's own copy when the shared one is there. */
    public static JsonSchema verisSchema() {
        Path shared = SHARED.resolve("veris").resolve("verisc-merged.json");
        Path file = Files.exists(shared) ? shared : Path.of("src", "main", "resources", "veris", "verisc-merged.json");
        try {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(MAPPER.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The HHS breach-portal CSV as published (all lines). */
    public static List<String> hhsBreachReport() {
        Path shared = SHARED.resolve("hhs").resolve("breach_report_2023-01_to_2024-12.csv");
        Path file = Files.exists(shared) ? shared : COPIES.resolve("hhs").resolve("breach_report_2023-01_to_2024-12.csv");
        try {
            return new ArrayList<>(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
