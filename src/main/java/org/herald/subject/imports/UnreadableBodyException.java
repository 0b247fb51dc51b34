package org.herald.subject.imports;

/**
 * The rest of an import body cannot be framed into rows (an unclosed CSV quote, a record beyond
 * the size limit, a header Herald does not know). Rows before it are kept; the import ends FAILED.
 */
public class UnreadableBodyException extends RuntimeException {

    UnreadableBodyException(String message) {
        super(message, null, false, false);
    }
}
