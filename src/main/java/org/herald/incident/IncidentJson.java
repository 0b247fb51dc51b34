package org.herald.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.herald.shared.problem.FieldPaths;
import org.herald.shared.problem.Problem.FieldError;
import org.herald.shared.problem.ProblemException;

/**
 * Reads incident JSON into {@link IncidentForm} with errors that name the field and say what was
 * expected, and applies JSON merge patches (RFC 7386) to an incident's current form.
 */
@ApplicationScoped
class IncidentJson {

    private final ObjectMapper mapper;

    IncidentJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    IncidentForm read(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw invalid("body", "is required: a JSON object");
        }
        if (!body.isObject()) {
            throw invalid("body", "must be a JSON object");
        }
        try {
            return mapper.treeToValue(body, IncidentForm.class);
        } catch (UnrecognizedPropertyException e) {
            String field = path(e);
            String name = e.getPropertyName();
            if (e.getPath().size() == 1 && IncidentView.READ_ONLY.contains(name)) {
                throw invalid(field, name.equals("status")
                        ? "is read-only: move the incident with POST /api/incidents/{id}/transitions"
                        : "is read-only");
            }
            throw invalid(field, "unknown field");
        } catch (InvalidFormatException e) {
            throw invalid(path(e), "cannot read '" + e.getValue() + "': expected " + expected(e.getTargetType()));
        } catch (MismatchedInputException e) {
            throw invalid(path(e), "has the wrong JSON type: expected " + expected(e.getTargetType()));
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause();
            throw invalid(path(e), cause instanceof IllegalArgumentException && cause.getMessage() != null
                    ? cause.getMessage() : "cannot be read as sent");
        } catch (JsonMappingException e) {
            throw invalid(path(e), "cannot be read as sent");
        } catch (JsonProcessingException e) {
            throw invalid("body", "cannot be read as sent");
        }
    }

    JsonNode tree(IncidentForm form) {
        return mapper.valueToTree(form);
    }

    /** Converts a value (e.g. a view record) into plain maps and lists, for audit summaries. */
    Object plain(Object value) {
        return mapper.convertValue(value, Object.class);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> plainMap(JsonNode node) {
        return mapper.convertValue(node, Map.class);
    }

    /** RFC 7386: objects merge member by member, {@code null} removes, anything else replaces. */
    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        patch.fields().forEachRemaining(member -> {
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), mergePatch(result.get(member.getKey()), member.getValue()));
            }
        });
        return result;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == Instant.class) {
            return "a time with offset, e.g. 2026-03-14T09:30:00Z";
        }
        if (type == PartialTime.class) {
            return PartialTime.FORMATS;
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type) || java.util.Set.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static String path(JsonMappingException e) {
        String path = FieldPaths.of(e);
        return path.isEmpty() ? "body" : path;
    }

    static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    static ProblemException invalid(List<FieldError> errors) {
        String detail = String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
        return new ProblemException(400, "validation", "Invalid request", detail, errors);
    }
}
