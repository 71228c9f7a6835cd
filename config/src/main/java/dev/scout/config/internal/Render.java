package dev.scout.config.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Shows user-supplied values in problem messages safely: control and bidi characters escaped, long text cut,
 * text quoted so that spaces show.
 */
public final class Render {
    private static final int MAX = 80;

    private Render() {
    }

    /** A YAML node as the user wrote it: {@code 'text'}, {@code -5}, {@code true}, {@code a list}, {@code a mapping}. */
    public static String node(JsonNode node) {
        if (node.isTextual()) {
            return text(node.asText());
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isNull()) {
            return "nothing";
        }
        return clean(node.asText());
    }

    /** Text in single quotes, cleaned. */
    public static String text(String s) {
        return "'" + clean(s) + "'";
    }

    /** Escapes characters that could garble a terminal or reorder a line, and shortens very long text. */
    public static String clean(String s) {
        return clean(s, MAX);
    }

    /** As {@link #clean(String)}, keeping at most {@code max} characters. */
    public static String clean(String s, int max) {
        StringBuilder sb = new StringBuilder();
        int count = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (count++ == max) {
                sb.append('…');
                break;
            }
            if (Character.isISOControl(cp) || isFormat(cp)) {
                sb.append(cp < 0x10000 ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        }
        return sb.toString();
    }

    private static boolean isFormat(int cp) {
        // Bidi overrides, zero-width characters and other format characters: invisible, and able to reorder text.
        return Character.getType(cp) == Character.FORMAT;
    }
}
