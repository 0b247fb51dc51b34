package org.herald.shared.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/**
 * The body of every error response, RFC 9457 {@code application/problem+json}: a stable
 * {@code type}, a human {@code title}, and for validation failures one entry per field.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://herald.dev/problems/";

    /** One rejected field: its path in the request (e.g. {@code content.en.basicSituation}) and why. */
    public record FieldError(String field, String message) {
    }

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }
}
