package org.herald.regulator.veris;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;

/**
 * The VERIS Community Schema 1.4.1 ({@code verisc-merged.json}, JSON Schema draft-04, enumerations
 * built in), and the check of a record against it. Problems name the JSON path of the field.
 */
@ApplicationScoped
public class VerisSchema {

    /** The schema version Herald writes and upgrades to. */
    public static final String VERSION = "1.4.1";

    private static final String RESOURCE = "/veris/verisc-merged.json";

    private final JsonSchema schema;

    public VerisSchema() {
        this(new ObjectMapper());
    }

    VerisSchema(ObjectMapper mapper) {
        try (InputStream in = VerisSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("VERIS schema missing from the class path: " + RESOURCE);
            }
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(mapper.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every way the record breaks the schema, sorted by path; empty when it validates. */
    public List<VerisProblem> check(JsonNode record) {
        return schema.validate(record).stream().map(VerisSchema::problem)
                .sorted(Comparator.comparing(VerisProblem::path).thenComparing(VerisProblem::message)).toList();
    }

    private static VerisProblem problem(ValidationMessage m) {
        String at = path(m.getInstanceLocation().toString());
        if ("additionalProperties".equals(m.getType()) && m.getProperty() != null) {
            String path = at.isEmpty() ? m.getProperty() : at + "." + m.getProperty();
            return new VerisProblem(path, VerisProblem.Kind.UNKNOWN_FIELD, "is not a field of VERIS " + VERSION);
        }
        return new VerisProblem(at.isEmpty() ? "$" : at, VerisProblem.Kind.INVALID, m.getMessage());
    }

    /** {@code $.a.b[0].c} → {@code a.b[0].c}. */
    static String path(String location) {
        String p = location.startsWith("$") ? location.substring(1) : location;
        return p.startsWith(".") ? p.substring(1) : p;
    }
}
