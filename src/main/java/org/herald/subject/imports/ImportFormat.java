package org.herald.subject.imports;

import java.util.Locale;
import java.util.Optional;

/** The two body formats an import accepts, each read one row at a time. */
public enum ImportFormat {
    CSV("text/csv"),
    NDJSON("application/x-ndjson");

    private final String mediaType;

    ImportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format of a Content-Type header value, parameters ignored. */
    public static Optional<ImportFormat> ofContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        for (ImportFormat f : values()) {
            if (f.mediaType.equals(type)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
