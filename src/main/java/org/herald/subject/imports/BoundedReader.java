package org.herald.subject.imports;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Refuses to read more than a set number of characters between two calls of {@link #rowDone()},
 * so one unterminated quoted CSV field cannot pull the rest of a large file into memory.
 */
final class BoundedReader extends FilterReader {

    private final long maxChars;
    private long sinceRow;

    BoundedReader(Reader in, long maxChars) {
        super(in);
        this.maxChars = maxChars;
    }

    void rowDone() {
        sinceRow = 0;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            count(1);
        }
        return c;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) {
        sinceRow += n;
        // The CSV parser reads ahead a buffer's worth, hence the slack of one buffer.
        if (sinceRow > maxChars + 65_536) {
            throw new UnreadableBodyException("a row is longer than " + maxChars
                    + " characters (an unclosed quote?); nothing after it was read");
        }
    }
}
