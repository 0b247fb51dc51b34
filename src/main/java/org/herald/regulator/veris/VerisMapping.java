package org.herald.regulator.veris;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.herald.incident.BreachType;
import org.herald.incident.CauseFamily;
import org.herald.incident.DataCategory;
import org.herald.incident.DiscoveryMethod;
import org.herald.incident.EncryptionState;
import org.herald.incident.Exfiltration;
import org.herald.incident.Incident;
import org.herald.incident.IncidentContent;
import org.herald.incident.IncidentForm;
import org.herald.incident.PartialTime;
import org.herald.incident.Severity;
import org.herald.incident.TimePrecision;

/**
 * Herald's incident facts in VERIS words and back. Where VERIS says more than Herald models
 * (actors, action varieties, victim demographics) the record kept from an import carries it; where
 * Herald knows nothing VERIS requires, the export says {@code Unknown}, as VERIS intends.
 */
public final class VerisMapping {

    /** Action families in the order the one {@link CauseFamily} of an incident is chosen from several. */
    private static final List<String> ACTION_ORDER = List.of("hacking", "malware", "social", "misuse", "physical",
            "error", "environmental");
    private static final DateTimeFormatter VERIS_TIME = DateTimeFormatter.ofPattern("hh:mm:ss a", Locale.US);
    private static final int MAX_TITLE = IncidentForm.MAX_TITLE;

    private VerisMapping() {
    }

    // ---- VERIS → Herald ------------------------------------------------------------------------

    /** The incident form an (upgraded) VERIS record describes; {@code notes} collects what did not map. */
    public static IncidentForm toForm(JsonNode r, List<VerisProblem> notes) {
        String summary = text(r, "summary");
        String victim = text(r.path("victim"), "victim_id");
        String title = summary != null ? summary : "VERIS incident " + text(r, "incident_id");
        if (victim != null && !title.startsWith(victim)) {
            title = victim + ": " + title;
        }
        title = title.replaceAll("\\s+", " ").strip();
        if (title.length() > MAX_TITLE) {
            title = title.substring(0, MAX_TITLE - 1) + "…";
        }
        Set<BreachType> breachTypes = EnumSet.noneOf(BreachType.class);
        JsonNode attribute = r.path("attribute");
        if (attribute.has("confidentiality")) {
            breachTypes.add(BreachType.CONFIDENTIALITY);
        }
        if (attribute.has("integrity")) {
            breachTypes.add(BreachType.INTEGRITY);
        }
        if (attribute.has("availability")) {
            breachTypes.add(BreachType.AVAILABILITY);
        }
        JsonNode confidentiality = attribute.path("confidentiality");
        Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        for (JsonNode d : confidentiality.path("data")) {
            DataCategory c = category(d.path("variety").asText());
            if (c != null) {
                categories.add(c);
            }
        }
        List<String> systems = new ArrayList<>(new LinkedHashSet<>(r.path("asset").path("assets").findValuesAsText("variety")));
        systems.removeIf(s -> s.isBlank() || s.equals("Unknown"));
        Long records = confidentiality.has("data_total") && confidentiality.get("data_total").canConvertToLong()
                ? confidentiality.get("data_total").asLong() : null;
        PartialTime occurred = occurred(r.path("timeline").path("incident"), notes);
        String discoveryNotes = text(r, "discovery_notes");
        if (r.path("timeline").has("discovery")) {
            notes.add(new VerisProblem("timeline.discovery", VerisProblem.Kind.UNKNOWN_FIELD,
                    "a duration, not a date: kept in the VERIS record, not turned into a detection time",
                    r.path("timeline").get("discovery").toString()));
        }
        return new IncidentForm(title, severity(r.path("impact").path("overall_rating").asText(null)), breachTypes,
                cause(r.path("action")), discovery(r.path("discovery_method")), discoveryNotes, occurred, null, null,
                null, null, systems, categories, encryption(confidentiality.path("state")),
                exfiltration(confidentiality.path("data_disclosure").asText(null)), null, records, null, null);
    }

    static PartialTime occurred(JsonNode incident, List<VerisProblem> notes) {
        if (!incident.has("year")) {
            return null;
        }
        int year = incident.get("year").asInt();
        if (!incident.has("month")) {
            return PartialTime.parse(String.format("%04d", year));
        }
        int month = incident.get("month").asInt();
        if (!incident.has("day")) {
            return PartialTime.parse(String.format("%04d-%02d", year, month));
        }
        LocalDate day = LocalDate.of(year, month, incident.get("day").asInt());
        String time = incident.path("time").asText(null);
        if (time != null) {
            try {
                LocalTime t = LocalTime.parse(time.strip().toUpperCase(Locale.ROOT), VERIS_TIME);
                return PartialTime.exact(day.atTime(t).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                notes.add(new VerisProblem("timeline.incident.time", VerisProblem.Kind.INVALID,
                        "not a VERIS time (05:45:00 PM); the day is kept", time));
            }
        }
        return new PartialTime(day.atStartOfDay().toInstant(ZoneOffset.UTC), TimePrecision.DAY);
    }

    static DataCategory category(String variety) {
        String v = variety == null ? "" : variety;
        if (v.startsWith("Personal") || v.startsWith("Sensitive Personal")) {
            return DataCategory.IDENTITY;
        }
        if (v.startsWith("Credentials") || v.equals("Multi-factor credential")) {
            return DataCategory.CREDENTIALS;
        }
        return switch (v) {
            case "Medical" -> DataCategory.HEALTH;
            case "Payment" -> DataCategory.PAYMENT_CARD;
            case "Bank" -> DataCategory.FINANCIAL_ACCOUNT;
            case "Unknown", "" -> null;
            default -> DataCategory.OTHER;
        };
    }

    static CauseFamily cause(JsonNode action) {
        for (String family : ACTION_ORDER) {
            if (action.has(family)) {
                return CauseFamily.valueOf(family.toUpperCase(Locale.ROOT));
            }
        }
        return action.has("unknown") ? CauseFamily.UNKNOWN : null;
    }

    static DiscoveryMethod discovery(JsonNode method) {
        if (method.has("internal")) {
            return DiscoveryMethod.INTERNAL;
        }
        if (method.has("external")) {
            return DiscoveryMethod.EXTERNAL;
        }
        if (method.has("partner")) {
            return DiscoveryMethod.PARTNER;
        }
        return method.isMissingNode() ? null : DiscoveryMethod.UNKNOWN;
    }

    static Severity severity(String rating) {
        if (rating == null) {
            return Severity.MEDIUM;
        }
        return switch (rating) {
            case "Catastrophic" -> Severity.CRITICAL;
            case "Damaging" -> Severity.HIGH;
            case "Distracting", "Insignificant" -> Severity.LOW;
            default -> Severity.MEDIUM;
        };
    }

    static EncryptionState encryption(JsonNode states) {
        boolean encrypted = false;
        boolean unencrypted = false;
        for (JsonNode s : states) {
            String v = s.asText();
            encrypted |= v.endsWith(" encrypted");
            unencrypted |= v.endsWith("unencrypted") || v.equals("Printed");
        }
        // Anything readable makes the exposure readable.
        return unencrypted ? EncryptionState.UNENCRYPTED : encrypted ? EncryptionState.ENCRYPTED_KEY_SAFE : null;
    }

    static Exfiltration exfiltration(String disclosure) {
        if (disclosure == null) {
            return null;
        }
        return switch (disclosure) {
            case "Yes" -> Exfiltration.CONFIRMED;
            case "Potentially" -> Exfiltration.POSSIBLE;
            case "No" -> Exfiltration.RULED_OUT;
            default -> null;
        };
    }

    // ---- Herald → VERIS ------------------------------------------------------------------------

    /**
     * The incident as a VERIS 1.4.1 record: the imported record (if any) with Herald's current facts
     * laid over it, or a record built from Herald's facts alone.
     */
    public static ObjectNode toVeris(Incident incident, JsonNode imported) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode r = imported != null && imported.isObject() ? ((ObjectNode) imported).deepCopy() : f.objectNode();
        r.put("schema_version", VerisSchema.VERSION);
        if (!r.has("schema_name")) {
            r.put("schema_name", "verisc");
        }
        if (!r.has("incident_id")) {
            r.put("incident_id", incident.id().toString());
        }
        if (!r.has("source_id")) {
            r.put("source_id", "herald");
        }
        if (!r.has("reference")) {
            r.put("reference", incident.reference());
        }
        if (!r.has("security_incident")) {
            r.put("security_incident", "Confirmed");
        }
        String situation = situation(incident);
        if (situation != null) {
            r.put("summary", situation);
        } else if (!r.has("summary")) {
            r.put("summary", incident.title());
        }
        ObjectNode timeline = object(r, "timeline");
        PartialTime occurred = incident.occurredFrom();
        if (occurred != null) {
            timeline.set("incident", incidentTime(occurred));
        } else if (!timeline.has("incident")) {
            Instant when = incident.detectedAt() != null ? incident.detectedAt() : incident.createdAt();
            timeline.set("incident", incidentTime(new PartialTime(when, TimePrecision.YEAR)));
        }
        if (!timeline.has("discovery") && occurred != null && occurred.precision() == TimePrecision.EXACT
                && incident.detectedAt() != null) {
            timeline.set("discovery", duration(Duration.between(occurred.start(), incident.detectedAt())));
        }
        if (!timeline.has("containment") && incident.detectedAt() != null && incident.containedAt() != null) {
            timeline.set("containment", duration(Duration.between(incident.detectedAt(), incident.containedAt())));
        }
        if (!r.has("action") || r.get("action").isEmpty()) {
            r.set("action", action(incident.causeFamily()));
        }
        if (!r.has("actor") || r.get("actor").isEmpty()) {
            r.set("actor", f.objectNode().set("unknown", f.objectNode()));
        }
        if (!r.has("asset")) {
            ObjectNode asset = r.putObject("asset");
            ArrayNode assets = asset.putArray("assets");
            assets.addObject().put("variety", "Unknown");
            asset.putArray("cloud").add("Unknown");
            if (!incident.systems().isEmpty()) {
                asset.put("notes", "Systems: " + String.join(", ", incident.systems()));
            }
        }
        attributes(incident, object(r, "attribute"));
        if (!r.has("discovery_method") || r.get("discovery_method").isEmpty()) {
            r.set("discovery_method", discoveryMethod(incident.discoveryMethod()));
        }
        if (incident.discoveryNotes() != null && !r.has("discovery_notes")) {
            r.put("discovery_notes", incident.discoveryNotes());
        }
        if (!r.has("impact")) {
            r.putObject("impact").put("overall_rating", rating(incident.severity()));
        }
        ObjectNode plus = object(r, "plus");
        if (!plus.has("master_id")) {
            plus.put("master_id", incident.id().toString());
        }
        return r;
    }

    private static String situation(Incident incident) {
        Map<String, IncidentContent> content = incident.content();
        IncidentContent c = content.containsKey("en") ? content.get("en")
                : content.isEmpty() ? null : content.values().iterator().next();
        return c == null ? null : c.basicSituation();
    }

    private static ObjectNode object(ObjectNode parent, String field) {
        JsonNode n = parent.get(field);
        return n instanceof ObjectNode o ? o : parent.putObject(field);
    }

    static ObjectNode incidentTime(PartialTime t) {
        var utc = t.start().atOffset(ZoneOffset.UTC);
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("year", utc.getYear());
        if (t.precision() != TimePrecision.YEAR) {
            n.put("month", utc.getMonthValue());
        }
        if (t.precision() == TimePrecision.DAY || t.precision() == TimePrecision.EXACT) {
            n.put("day", utc.getDayOfMonth());
        }
        if (t.precision() == TimePrecision.EXACT) {
            n.put("time", utc.toLocalTime().withNano(0).format(VERIS_TIME));
        }
        return n;
    }

    private static ObjectNode duration(Duration d) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        if (d.isNegative()) {
            n.put("unit", "Unknown");
        } else if (d.toDays() >= 1) {
            n.put("unit", "Days").put("value", d.toDays());
        } else if (d.toHours() >= 1) {
            n.put("unit", "Hours").put("value", d.toHours());
        } else {
            n.put("unit", "Minutes").put("value", d.toMinutes());
        }
        return n;
    }

    private static ObjectNode action(CauseFamily cause) {
        ObjectNode action = JsonNodeFactory.instance.objectNode();
        if (cause == null || cause == CauseFamily.UNKNOWN) {
            action.putObject("unknown");
            return action;
        }
        ObjectNode family = action.putObject(cause.name().toLowerCase(Locale.ROOT));
        family.putArray("variety").add("Unknown");
        if (cause != CauseFamily.ENVIRONMENTAL) {
            family.putArray("vector").add("Unknown");
        }
        if (cause == CauseFamily.SOCIAL) {
            family.putArray("target").add("Unknown");
        }
        return action;
    }

    private static void attributes(Incident incident, ObjectNode attribute) {
        Set<BreachType> types = incident.breachTypes();
        if (types.contains(BreachType.CONFIDENTIALITY) || !incident.dataCategories().isEmpty()
                || attribute.has("confidentiality")) {
            ObjectNode c = object(attribute, "confidentiality");
            if (incident.exfiltration() != null) {
                c.put("data_disclosure", switch (incident.exfiltration()) {
                    case CONFIRMED -> "Yes";
                    case POSSIBLE -> "Potentially";
                    case RULED_OUT -> "No";
                });
            } else if (!c.has("data_disclosure")) {
                c.put("data_disclosure", "Unknown");
            }
            if (incident.estimatedRecords() != null) {
                c.put("data_total", incident.estimatedRecords());
            }
            if (!c.has("data") && !incident.dataCategories().isEmpty()) {
                ArrayNode data = c.putArray("data");
                Set<String> varieties = new LinkedHashSet<>();
                for (DataCategory category : incident.dataCategories()) {
                    varieties.add(variety(category));
                }
                varieties.forEach(v -> data.addObject().put("variety", v));
            }
            if (!c.has("state") && incident.encryption() != null) {
                c.putArray("state").add(incident.encryption() == EncryptionState.ENCRYPTED_KEY_SAFE
                        ? "Stored encrypted" : "Stored unencrypted");
            }
        }
        if (types.contains(BreachType.INTEGRITY) && !attribute.has("integrity")) {
            attribute.putObject("integrity").putArray("variety").add("Unknown");
        }
        if (types.contains(BreachType.AVAILABILITY) && !attribute.has("availability")) {
            attribute.putObject("availability").putArray("variety").add("Unknown");
        }
        if (attribute.isEmpty()) {
            attribute.putObject("unknown");
        }
    }

    static String variety(DataCategory category) {
        return switch (category) {
            case HEALTH -> "Medical";
            case PAYMENT_CARD -> "Payment";
            case FINANCIAL_ACCOUNT -> "Bank";
            case CREDENTIALS -> "Credentials";
            case BIOMETRIC -> "Sensitive Personal";
            case OTHER -> "Other";
            default -> "Personal";
        };
    }

    private static ObjectNode discoveryMethod(DiscoveryMethod method) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        if (method == null || method == DiscoveryMethod.UNKNOWN) {
            n.put("unknown", true);
        } else {
            n.putObject(method.name().toLowerCase(Locale.ROOT)).putArray("variety").add("Unknown");
        }
        return n;
    }

    private static String rating(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "Catastrophic";
            case HIGH -> "Damaging";
            case MEDIUM -> "Painful";
            case LOW -> "Distracting";
        };
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.isTextual() || v.asText().isBlank() ? null : v.asText();
    }

    /** Field name → value pairs, for summaries. */
    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
