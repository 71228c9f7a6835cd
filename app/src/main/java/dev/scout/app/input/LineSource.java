package dev.scout.app.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Splits a UTF-8 byte stream into lines (LF or CRLF) and decodes each line on its own, so that one line of invalid
 * UTF-8 is reported as that line instead of ending the whole read; a UTF-8 byte order mark at the start is skipped.
 * Lines are capped, so one huge line cannot exhaust memory: an over-long line is reported as such and its remainder
 * skipped. Not thread-safe; one source per input.
 */
final class LineSource {

    /**
     * A line: its text, or why it has none.
     *
     * @param problem empty for a good line; otherwise what was wrong (too long, not UTF-8) and {@code text} is ""
     */
    record Line(long number, String text, boolean tooLong, Optional<String> problem) {
    }

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final InputStream in;
    private final int maxChars;
    /** A UTF-8 character takes at most 3 bytes per UTF-16 unit, so a line within the character cap fits in this. */
    private final int maxBytes;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buffer = new byte[16_384];
    private byte[] line = new byte[1_024];
    private int pos;
    private int limit;
    private long number;
    private boolean eof;

    LineSource(InputStream in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
        this.maxBytes = (int) Math.min(Integer.MAX_VALUE - 16, 3L * maxChars);
    }

    /** The next line, or null at the end of input. */
    Line next() throws IOException {
        int length = 0;
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
                if (length + take > maxBytes) {
                    tooLong = true;
                } else {
                    line = ensure(line, length + take);
                    System.arraycopy(buffer, start, line, length, take);
                    length += take;
                }
            }
            if (pos < limit) { // found '\n'
                pos++;
                break;
            }
        }
        number++;
        if (tooLong) {
            return new Line(number, "", true, Optional.empty());
        }
        int from = number == 1 && startsWithBom(length) ? BOM.length : 0;
        if (length > from && line[length - 1] == '\r') {
            length--;
        }
        String text;
        try {
            text = decoder.reset().decode(ByteBuffer.wrap(line, from, length - from)).toString();
        } catch (CharacterCodingException e) {
            return new Line(number, "", false, Optional.of("not valid UTF-8 (byte " + (badByte(from, length) + 1)
                    + " of the line); save the file as UTF-8"));
        }
        if (text.length() > maxChars) {
            return new Line(number, "", true, Optional.empty());
        }
        return new Line(number, text, false, Optional.empty());
    }

    private boolean startsWithBom(int length) {
        return length >= BOM.length && line[0] == BOM[0] && line[1] == BOM[1] && line[2] == BOM[2];
    }

    /** Offset in the line (after a BOM) of the first byte that does not decode, for the message. */
    private int badByte(int from, int length) {
        ByteBuffer bytes = ByteBuffer.wrap(line, from, length - from);
        decoder.reset().decode(bytes, CharBuffer.allocate(length - from + 1), true);
        return bytes.position() - from;
    }

    private static byte[] ensure(byte[] array, int size) {
        if (size <= array.length) {
            return array;
        }
        return Arrays.copyOf(array, Math.max(size, array.length * 2));
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(buffer, 0, buffer.length);
        if (n < 0) {
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
