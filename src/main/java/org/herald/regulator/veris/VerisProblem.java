package org.herald.regulator.veris;

/**
 * One finding about a VERIS record, by JSON path ({@code plus.attribute.confidentiality.partner_data}).
 * {@code value} is the value that was changed or taken out, when there was one.
 */
public record VerisProblem(String path, Kind kind, String message, Object value) {

    public VerisProblem(String path, Kind kind, String message) {
        this(path, kind, message, null);
    }

    public enum Kind {
        /** A field VERIS has never had at this path; taken out of the upgraded record, kept in the original. */
        UNKNOWN_FIELD,
        /** A field an earlier VERIS version had and a later one removed; kept in the original. */
        REMOVED_FIELD,
        /** A value an earlier VERIS version used and a later one renamed; the upgraded record has the new one. */
        RENAMED_VALUE,
        /** A value the schema refuses: the record cannot be taken in until it is corrected. */
        INVALID
    }
}
