package org.herald.subject.imports;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * Rows in PostgreSQL's COPY text format (tab-separated, {@code \N} for null), sent with one
 * {@code COPY … FROM STDIN}: the fastest way to hand many rows to PostgreSQL over JDBC.
 */
public final class CopyRows {

    private static final HexFormat HEX = HexFormat.of();

    private final StringBuilder out = new StringBuilder(64 * 1024);
    private boolean lineStarted;
    private int rows;

    public CopyRows text(String value) {
        separator();
        if (value == null) {
            out.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return this;
    }

    public CopyRows number(Number value) {
        separator();
        out.append(value == null ? "\\N" : value.toString());
        return this;
    }

    public CopyRows bool(boolean value) {
        separator();
        out.append(value ? 't' : 'f');
        return this;
    }

    public CopyRows bytes(byte[] value) {
        separator();
        if (value == null) {
            out.append("\\N");
        } else {
            // COPY unescapes "\\x" to "\x", which bytea reads as hex.
            out.append("\\\\x");
            HEX.formatHex(out, value);
        }
        return this;
    }

    public CopyRows date(LocalDate value) {
        return text(value == null ? null : value.toString());
    }

    public CopyRows uuid(UUID value) {
        return text(value == null ? null : value.toString());
    }

    public CopyRows endRow() {
        out.append('\n');
        lineStarted = false;
        rows++;
        return this;
    }

    public int rows() {
        return rows;
    }

    /** Sends the rows to {@code COPY table (columns) FROM STDIN}; nothing is sent when there are none. */
    public long copyInto(Connection connection, String tableAndColumns) throws SQLException {
        if (rows == 0) {
            return 0;
        }
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + tableAndColumns + " FROM STDIN", new StringReader(out.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY into " + tableAndColumns + " failed", e);
        }
    }

    private void separator() {
        if (lineStarted) {
            out.append('\t');
        }
        lineStarted = true;
    }
}
