package org.herald.regulator.veris;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings a VERIS record of version 1.3.0 to 1.4.1 up to 1.4.1, one changelog step at a time, and
 * says by path what each step changed. Removed fields are reported, never dropped silently: the
 * caller keeps the original record. Older or newer versions are refused with the reason.
 */
public final class VerisUpgrade {

    /** The oldest version whose changes to 1.4.1 the steps below cover. */
    static final int[] OLDEST = {1, 3, 0};
    static final int[] NEWEST = {1, 4, 1};

    private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)(?:\\.(\\d+))?$");

    private VerisUpgrade() {
    }

    /** The upgraded copy of a record and what changed on the way. */
    public record Result(ObjectNode record, String sourceVersion, List<VerisProblem> findings) {
    }

    /** A record Herald cannot take in, with the reasons by path. */
    public static final class Refused extends Exception {
        private final List<VerisProblem> reasons;

        public Refused(List<VerisProblem> reasons) {
            super(reasons.size() + " problem(s) in the VERIS record");
            this.reasons = List.copyOf(reasons);
        }

        public List<VerisProblem> reasons() {
            return reasons;
        }
    }

    public static Result upgrade(JsonNode original) throws Refused {
        if (original == null || !original.isObject()) {
            throw new Refused(List.of(new VerisProblem("$", VerisProblem.Kind.INVALID, "must be a JSON object")));
        }
        JsonNode versionNode = original.get("schema_version");
        if (versionNode == null || !versionNode.isTextual()) {
            throw new Refused(List.of(new VerisProblem("schema_version", VerisProblem.Kind.INVALID,
                    "is required: the VERIS version the record was written in (1.3.0 to 1.4.1)")));
        }
        String source = versionNode.asText().strip();
        int[] v = parse(source);
        if (v == null || compare(v, OLDEST) < 0 || compare(v, NEWEST) > 0) {
            throw new Refused(List.of(new VerisProblem("schema_version", VerisProblem.Kind.INVALID,
                    "VERIS " + source + " is not supported: Herald reads 1.3.0 to 1.4.1", source)));
        }
        ObjectNode record = original.deepCopy();
        List<VerisProblem> findings = new ArrayList<>();
        if (compare(v, new int[] {1, 3, 5}) < 0) {
            // 1.3.5: web vectors renamed; external "Monitoring service" was always a partner.
            rename(record, "action.social.vector", Map.of("Website", "Web application"), findings);
            rename(record, "action.malware.vector", Map.of("Web download", "Web application - download",
                    "Web drive-by", "Web application - drive-by"), findings);
            moveMonitoringService(record, findings);
        }
        if (compare(v, new int[] {1, 3, 7}) < 0) {
            // 1.3.7: action.error.variety "Omission" folded into "Other".
            rename(record, "action.error.variety", Map.of("Omission", "Other"), findings);
        }
        if (compare(v, new int[] {1, 4, 1}) < 0) {
            // 1.4.1: partner_number and partner_data removed; credit_monitoring is not in 1.4.1 either.
            for (String field : List.of("partner_number", "partner_data", "credit_monitoring")) {
                remove(record, "plus.attribute.confidentiality", field, findings);
            }
            pruneEmpty(record, "plus.attribute.confidentiality");
            pruneEmpty(record, "plus.attribute");
            renameAssets(record, Map.of("S - Remote access", "N - Remote access", "N - HSM", "S - Secrets vault"),
                    findings);
        }
        record.put("schema_version", VerisSchema.VERSION);
        return new Result(record, source, findings);
    }

    static int[] parse(String version) {
        Matcher m = VERSION.matcher(version);
        if (!m.matches()) {
            return null;
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3))};
    }

    static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }

    private static JsonNode at(JsonNode root, String dotted) {
        JsonNode n = root;
        for (String part : dotted.split("\\.")) {
            n = n == null ? null : n.get(part);
        }
        return n;
    }

    private static void rename(ObjectNode record, String arrayPath, Map<String, String> renames,
            List<VerisProblem> findings) {
        JsonNode values = at(record, arrayPath);
        if (!(values instanceof ArrayNode array)) {
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            String now = array.get(i).asText();
            String renamed = renames.get(now);
            if (renamed != null) {
                if (contains(array, renamed)) {
                    array.remove(i--);
                } else {
                    array.set(i, JsonNodeFactory.instance.textNode(renamed));
                }
                findings.add(new VerisProblem(arrayPath + "[" + Math.max(i, 0) + "]", VerisProblem.Kind.RENAMED_VALUE,
                        "\"" + now + "\" is \"" + renamed + "\" since a later VERIS version", now));
            }
        }
    }

    private static void renameAssets(ObjectNode record, Map<String, String> renames, List<VerisProblem> findings) {
        JsonNode assets = at(record, "asset.assets");
        if (!(assets instanceof ArrayNode array)) {
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) instanceof ObjectNode asset && asset.has("variety")) {
                String now = asset.get("variety").asText();
                String renamed = renames.get(now);
                if (renamed != null) {
                    asset.put("variety", renamed);
                    findings.add(new VerisProblem("asset.assets[" + i + "].variety", VerisProblem.Kind.RENAMED_VALUE,
                            "\"" + now + "\" is \"" + renamed + "\" since VERIS 1.4.1", now));
                }
            }
        }
    }

    private static void moveMonitoringService(ObjectNode record, List<VerisProblem> findings) {
        JsonNode external = at(record, "discovery_method.external.variety");
        if (!(external instanceof ArrayNode array) || !contains(array, "Monitoring service")) {
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            if ("Monitoring service".equals(array.get(i).asText())) {
                array.remove(i);
                break;
            }
        }
        ObjectNode discovery = (ObjectNode) record.get("discovery_method");
        if (array.isEmpty()) {
            discovery.remove("external");
        }
        ObjectNode partner = discovery.has("partner") && discovery.get("partner").isObject()
                ? (ObjectNode) discovery.get("partner") : discovery.putObject("partner");
        ArrayNode variety = partner.has("variety") && partner.get("variety").isArray()
                ? (ArrayNode) partner.get("variety") : partner.putArray("variety");
        if (!contains(variety, "Monitoring service")) {
            variety.add("Monitoring service");
        }
        findings.add(new VerisProblem("discovery_method.external.variety", VerisProblem.Kind.RENAMED_VALUE,
                "\"Monitoring service\" moved to discovery_method.partner.variety (VERIS 1.3.5)", "Monitoring service"));
    }

    private static void remove(ObjectNode record, String parentPath, String field, List<VerisProblem> findings) {
        JsonNode parent = at(record, parentPath);
        if (parent instanceof ObjectNode object && object.has(field)) {
            JsonNode value = object.remove(field);
            findings.add(new VerisProblem(parentPath + "." + field, VerisProblem.Kind.REMOVED_FIELD,
                    "was removed from VERIS by 1.4.1; kept in the original record", value.isValueNode()
                            ? value.asText() : value.toString()));
        }
    }

    private static void pruneEmpty(ObjectNode record, String path) {
        int dot = path.lastIndexOf('.');
        JsonNode parent = dot < 0 ? record : at(record, path.substring(0, dot));
        String field = path.substring(dot + 1);
        if (parent instanceof ObjectNode object && object.get(field) instanceof ObjectNode child && child.isEmpty()) {
            object.remove(field);
        }
    }

    private static boolean contains(ArrayNode array, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.asText())) {
                return true;
            }
        }
        return false;
    }
}
