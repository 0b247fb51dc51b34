package org.herald.regulator.veris;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.herald.incident.Incident;
import org.herald.incident.IncidentRepository;
import org.herald.shared.problem.Problem;
import org.herald.shared.problem.ProblemException;

/**
 * An incident as a VERIS 1.4.1 record that validates against the VERIS schema. A record that would
 * not validate is never handed out: the answer names the paths instead.
 */
@ApplicationScoped
public class ExportVeris {

    private final IncidentRepository incidents;
    private final VerisRecordRepository records;
    private final VerisSchema schema;
    private final ObjectMapper mapper;

    ExportVeris(IncidentRepository incidents, VerisRecordRepository records, VerisSchema schema, ObjectMapper mapper) {
        this.incidents = incidents;
        this.records = records;
        this.schema = schema;
        this.mapper = mapper;
    }

    @Transactional
    public ObjectNode export(UUID incidentId) {
        Incident incident = incidents.findByIdOptional(incidentId)
                .orElseThrow(() -> ProblemException.notFound("Incident", incidentId));
        JsonNode imported = records.findByIdOptional(incidentId).map(r -> read(r.upgraded())).orElse(null);
        ObjectNode record = VerisMapping.toVeris(incident, imported);
        List<VerisProblem> problems = schema.check(record);
        if (!problems.isEmpty()) {
            throw new ProblemException(409, "veris-invalid", "VERIS export does not validate",
                    incident.reference() + " cannot be written as valid VERIS " + VerisSchema.VERSION + " yet",
                    problems.stream().map(p -> new Problem.FieldError(p.path(), p.message())).toList());
        }
        return record;
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
