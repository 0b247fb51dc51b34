package org.herald.shared.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The request field a problem names, written the same way everywhere: {@code content.en.basicSituation},
 * {@code systems[2]}, or {@code body} for the request body as a whole.
 */
public final class FieldPaths {

    private FieldPaths() {
    }

    /** The JSON path Jackson was reading when it failed; empty at the top level. */
    public static String of(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /**
     * The request path of a bean-validation violation: drops the method name and the parameter name
     * of a request body ({@code create.form.content[en].basicSituation} becomes
     * {@code content.en.basicSituation}) but keeps a query parameter's own name.
     */
    public static String of(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(n -> {
            if (n.getKind() != ElementKind.METHOD && n.getKind() != ElementKind.CONSTRUCTOR) {
                nodes.add(n);
            }
        });
        if (nodes.size() > 1 && nodes.get(0).getKind() == ElementKind.PARAMETER) {
            nodes.remove(0);
        }
        StringBuilder sb = new StringBuilder();
        for (Path.Node node : nodes) {
            if (node.isInIterable()) {
                if (node.getKey() != null) {
                    sb.append('.').append(node.getKey());
                } else if (node.getIndex() != null) {
                    sb.append('[').append(node.getIndex()).append(']');
                }
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(node.getName());
            }
        }
        String field = sb.toString().replaceFirst("^\\.", "");
        return field.isEmpty() ? "body" : field;
    }
}
