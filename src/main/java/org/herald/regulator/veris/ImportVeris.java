package org.herald.regulator.veris;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.herald.audit.AuditLog;
import org.herald.incident.IncidentForm;
import org.herald.incident.IncidentService;
import org.herald.incident.IncidentView;
import org.herald.shared.problem.Problem;
import org.herald.shared.problem.ProblemException;

/**
 * Creates incidents from VERIS records (1.3.0 to 1.4.1): each record is upgraded to 1.4.1, checked
 * against the schema, mapped onto an incident and kept beside it, in a transaction of its own so
 * one bad record does not hold back the others. Unknown fields are taken out of the upgraded record
 * and reported by path; the record as received is kept whole.
 */
@ApplicationScoped
public class ImportVeris {

    /** The audit log's entity type for incidents (the import is an event of the incident). */
    private static final String AUDIT_TYPE = IncidentService.AUDIT_TYPE;

    private final VerisSchema schema;
    private final IncidentService incidents;
    private final VerisRecordRepository records;
    private final AuditLog audit;
    private final SecurityIdentity identity;
    private final ObjectMapper mapper;
    private final Clock clock;

    ImportVeris(VerisSchema schema, IncidentService incidents, VerisRecordRepository records, AuditLog audit,
            SecurityIdentity identity, ObjectMapper mapper, Clock clock) {
        this.schema = schema;
        this.incidents = incidents;
        this.records = records;
        this.audit = audit;
        this.identity = identity;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Imports one record (a JSON object) or several (a JSON array of objects). */
    public VerisImportResult importRecords(JsonNode body) {
        if (body == null || !(body.isObject() || body.isArray())) {
            throw ProblemException.invalid("body", "must be a VERIS record (JSON object) or an array of them");
        }
        List<JsonNode> list = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(list::add);
        } else {
            list.add(body);
        }
        if (list.isEmpty()) {
            throw ProblemException.invalid("body", "holds no VERIS record");
        }
        List<VerisImportResult.Imported> imported = new ArrayList<>();
        List<VerisImportResult.Rejected> rejected = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode record = list.get(i);
            String verisId = record.path("incident_id").asText(null);
            String version = record.path("schema_version").asText(null);
            try {
                imported.add(importOne(i, record));
            } catch (VerisUpgrade.Refused e) {
                rejected.add(new VerisImportResult.Rejected(i, verisId, version, e.reasons()));
            } catch (ProblemException e) {
                List<VerisProblem> reasons = new ArrayList<>();
                Problem p = e.toProblem(null);
                if (p.errors() == null || p.errors().isEmpty()) {
                    reasons.add(new VerisProblem("$", VerisProblem.Kind.INVALID, p.detail()));
                } else {
                    p.errors().forEach(fe -> reasons.add(new VerisProblem("(incident) " + fe.field(),
                            VerisProblem.Kind.INVALID, fe.message())));
                }
                rejected.add(new VerisImportResult.Rejected(i, verisId, version, reasons));
            }
        }
        return new VerisImportResult(imported, rejected);
    }

    private VerisImportResult.Imported importOne(int index, JsonNode original) throws VerisUpgrade.Refused {
        VerisUpgrade.Result upgraded = VerisUpgrade.upgrade(original);
        ObjectNode record = upgraded.record();
        List<VerisProblem> findings = new ArrayList<>(upgraded.findings());
        List<VerisProblem> invalid = new ArrayList<>();
        for (VerisProblem p : schema.check(record)) {
            if (p.kind() == VerisProblem.Kind.UNKNOWN_FIELD) {
                JsonNode value = removeAt(record, p.path());
                findings.add(new VerisProblem(p.path(), p.kind(), p.message() + "; kept in the original record",
                        value == null ? null : value.isValueNode() ? value.asText() : value.toString()));
            } else {
                invalid.add(p);
            }
        }
        if (!invalid.isEmpty()) {
            throw new VerisUpgrade.Refused(invalid);
        }
        List<VerisProblem> notes = new ArrayList<>();
        IncidentForm form = VerisMapping.toForm(record, notes);
        findings.addAll(notes);
        String originalJson = json(original);
        String upgradedJson = json(record);
        String findingsJson = json(findings);
        return QuarkusTransaction.requiringNew().call(() -> {
            IncidentView created = incidents.create(form);
            records.persist(new VerisRecord(created.id(), upgraded.sourceVersion(), VerisSchema.VERSION, originalJson,
                    upgradedJson, findingsJson, actor(), clock.instant().truncatedTo(ChronoUnit.MICROS)));
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("sourceVersion", upgraded.sourceVersion());
            summary.put("schemaVersion", VerisSchema.VERSION);
            summary.put("findings", findings.stream().map(f -> f.kind() + " " + f.path()).toList());
            audit.record(AUDIT_TYPE, created.id(), "veris-imported", summary);
            return new VerisImportResult.Imported(index, original.path("incident_id").asText(null), created.id(),
                    created.reference(), upgraded.sourceVersion(), VerisSchema.VERSION, findings);
        });
    }

    /** Takes the field at a dotted path (with [i] indexes) out of the record; returns what was there. */
    static JsonNode removeAt(ObjectNode record, String path) {
        String[] parts = path.split("\\.");
        JsonNode parent = record;
        for (int i = 0; i < parts.length - 1 && parent != null; i++) {
            parent = step(parent, parts[i]);
        }
        if (parent instanceof ObjectNode object) {
            return object.remove(parts[parts.length - 1]);
        }
        return null;
    }

    private static JsonNode step(JsonNode node, String part) {
        int bracket = part.indexOf('[');
        if (bracket < 0) {
            return node.get(part);
        }
        JsonNode n = bracket == 0 ? node : node.get(part.substring(0, bracket));
        for (String index : part.substring(bracket + 1, part.length() - 1).split("\\]\\[")) {
            n = n == null ? null : n.get(Integer.parseInt(index));
        }
        return n;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String actor() {
        return identity == null || identity.isAnonymous() ? "system" : identity.getPrincipal().getName();
    }
}
