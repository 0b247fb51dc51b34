package org.herald.subject.imports;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.herald.incident.DataCategory;

/** Checks one holding row; whether its subject exists is known only when the batch is written. */
final class HoldingValidator {

    ValidHolding validate(HoldingInput in, String defaultSource) {
        List<RowError> errors = in.errors;
        String source = SubjectValidator.sourceSystem(in.sourceSystem, defaultSource, errors);
        String ref = SubjectValidator.externalRef(in.externalRef, errors);
        String system = SubjectValidator.blankToNull(in.system);
        if (system == null) {
            errors.add(new RowError("system", "is missing"));
        } else if (system.length() > 100) {
            errors.add(new RowError("system", "is longer than 100 characters"));
        }
        DataCategory category = category(in.category, errors);
        LocalDate since = date(in.since, "since", errors);
        LocalDate until = date(in.until, "until", errors);
        if (since != null && until != null && until.isBefore(since)) {
            errors.add(new RowError("until", "is before since"));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new ValidHolding(in.row, source, ref, system, category, since, until);
    }

    private static DataCategory category(String value, List<RowError> errors) {
        String v = SubjectValidator.blankToNull(value);
        if (v == null) {
            errors.add(new RowError("category", "is missing"));
            return null;
        }
        try {
            return DataCategory.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new RowError("category", "'" + SubjectValidator.clip(v) + "' is not a data category ("
                    + List.of(DataCategory.values()) + ")"));
            return null;
        }
    }

    private static LocalDate date(String value, String field, List<RowError> errors) {
        String v = SubjectValidator.blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(new RowError(field, "must be a date such as 2024-03-31"));
            return null;
        }
    }
}
