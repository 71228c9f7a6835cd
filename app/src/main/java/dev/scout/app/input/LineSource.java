package dev.scout.app.input;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits a character stream into lines (LF or CRLF) with a length cap, so one huge line cannot exhaust memory:
 * an over-long line is reported as such and its remainder skipped. Not thread-safe; one reader per source.
 */
final class LineSource {

    /** A line, or the fact that it was too long. */
    record Line(long number, String text, boolean tooLong) {
    }

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[16_384];
    private int pos;
    private int limit;
    private long number;
    private boolean eof;

    LineSource(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line, or null at the end of input. */
    Line next() throws IOException {
        if (eof && pos >= limit) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        boolean tooLong = false;
        boolean sawAny = false;
        while (true) {
            if (pos >= limit && !fill()) {
                if (!sawAny) {
                    return null;
                }
                break;
            }
            sawAny = true;
            int start = pos;
            while (pos < limit && buffer[pos] != '\n') {
                pos++;
            }
            int take = pos - start;
            if (!tooLong) {
                if (sb.length() + take > maxChars) {
                    tooLong = true;
                    sb.setLength(0);
                } else {
                    sb.append(buffer, start, take);
                }
            }
            if (pos < limit) { // found '\n'
                pos++;
                break;
            }
        }
        number++;
        int len = sb.length();
        if (len > 0 && sb.charAt(len - 1) == '\r') {
            sb.setLength(len - 1);
        }
        return new Line(number, tooLong ? "" : sb.toString(), tooLong);
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            eof = true;
            pos = 0;
            limit = 0;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }
}
