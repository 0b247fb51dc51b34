package org.herald.subject.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Subject rows from NDJSON, one object per line; the fields are listed in docs/subjects.md. */
final class SubjectNdjsonReader implements RowReader<SubjectInput> {

    static final Set<String> FIELDS = Set.of("sourceSystem", "externalRef", "displayName", "locale", "country",
            "region", "minor", "birthYear", "deceased", "emails", "phones", "push", "address", "guardian", "nextOfKin",
            "channelPreference", "marketingOptOut");
    private static final Set<String> PERSON = Set.of("name", "emails", "phones", "address");
    private static final Set<String> ADDRESS = Set.of("lines", "city", "region", "postalCode", "country");
    private static final Set<String> PUSH = Set.of("platform", "token", "subscription", "active");

    private final NdjsonLines lines;

    SubjectNdjsonReader(Reader body, ObjectMapper json, long maxRowChars) {
        this.lines = new NdjsonLines(body, json, maxRowChars);
    }

    @Override
    public SubjectInput next() {
        NdjsonLines.Line line = lines.next();
        if (line == null) {
            return null;
        }
        SubjectInput in = new SubjectInput(line.row());
        if (line.object() == null) {
            in.errors.addAll(line.errors());
            return in;
        }
        JsonNode o = line.object();
        List<RowError> e = in.errors;
        NdjsonLines.rejectUnknown(o, "", FIELDS, e);
        in.sourceSystem = NdjsonLines.scalar(o, "sourceSystem", "sourceSystem", e);
        in.externalRef = NdjsonLines.scalar(o, "externalRef", "externalRef", e);
        in.displayName = NdjsonLines.scalar(o, "displayName", "displayName", e);
        in.locale = NdjsonLines.scalar(o, "locale", "locale", e);
        in.country = NdjsonLines.scalar(o, "country", "country", e);
        in.region = NdjsonLines.scalar(o, "region", "region", e);
        in.minor = NdjsonLines.scalar(o, "minor", "minor", e);
        in.birthYear = NdjsonLines.scalar(o, "birthYear", "birthYear", e);
        in.deceased = NdjsonLines.scalar(o, "deceased", "deceased", e);
        in.emails = NdjsonLines.list(o, "emails", "emails", e);
        in.phones = NdjsonLines.list(o, "phones", "phones", e);
        in.address = address(o, "address", e);
        in.push = push(o, e);
        in.guardian = person(o, "guardian", e);
        in.nextOfKin = person(o, "nextOfKin", e);
        in.channelPreference = NdjsonLines.list(o, "channelPreference", "channelPreference", e);
        in.marketingOptOut = NdjsonLines.scalar(o, "marketingOptOut", "marketingOptOut", e);
        return in;
    }

    private static SubjectInput.Address address(JsonNode parent, String path, List<RowError> e) {
        JsonNode a = NdjsonLines.object(parent, "address", path, e);
        if (a == null) {
            return null;
        }
        NdjsonLines.rejectUnknown(a, path + ".", ADDRESS, e);
        return new SubjectInput.Address(NdjsonLines.list(a, "lines", path + ".lines", e),
                NdjsonLines.scalar(a, "city", path + ".city", e), NdjsonLines.scalar(a, "region", path + ".region", e),
                NdjsonLines.scalar(a, "postalCode", path + ".postalCode", e),
                NdjsonLines.scalar(a, "country", path + ".country", e));
    }

    private static SubjectInput.Person person(JsonNode parent, String name, List<RowError> e) {
        JsonNode p = NdjsonLines.object(parent, name, name, e);
        if (p == null) {
            return SubjectInput.Person.NONE;
        }
        NdjsonLines.rejectUnknown(p, name + ".", PERSON, e);
        return new SubjectInput.Person(NdjsonLines.scalar(p, "name", name + ".name", e),
                NdjsonLines.list(p, "emails", name + ".emails", e), NdjsonLines.list(p, "phones", name + ".phones", e),
                address(p, name + ".address", e));
    }

    private static List<SubjectInput.Push> push(JsonNode o, List<RowError> e) {
        JsonNode node = o.get("push");
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            e.add(new RowError("push", "must be a list"));
            return List.of();
        }
        List<SubjectInput.Push> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "push[" + i + "]";
            JsonNode p = node.get(i);
            if (!p.isObject()) {
                e.add(new RowError(path, "must be an object"));
                continue;
            }
            NdjsonLines.rejectUnknown(p, path + ".", PUSH, e);
            String token = NdjsonLines.scalar(p, "token", path + ".token", e);
            JsonNode subscription = p.get("subscription");
            if (subscription != null && !subscription.isNull()) {
                token = subscription.isTextual() ? subscription.asText() : subscription.toString();
            }
            out.add(new SubjectInput.Push(path, NdjsonLines.scalar(p, "platform", path + ".platform", e), token,
                    NdjsonLines.scalar(p, "active", path + ".active", e)));
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
