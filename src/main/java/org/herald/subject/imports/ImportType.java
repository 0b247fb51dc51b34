package org.herald.subject.imports;

import java.util.Locale;
import java.util.Optional;

/** What an import file describes: subjects with their contact points, or holdings of existing subjects. */
public enum ImportType {
    SUBJECTS,
    HOLDINGS;

    public static Optional<ImportType> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "subjects" -> Optional.of(SUBJECTS);
            case "holdings" -> Optional.of(HOLDINGS);
            default -> Optional.empty();
        };
    }
}
