package org.herald.subject.imports;

import java.util.List;

/** What the import loop needs of a row as read: where it is, what it refers to, what is wrong with it already. */
interface ImportRow {

    long row();

    String externalRef();

    List<RowError> errors();

    /** What the import loop needs of a row that passed validation. */
    interface Valid {

        long row();

        /** Rows with the same key in one batch: the later one wins. */
        String key();
    }
}
