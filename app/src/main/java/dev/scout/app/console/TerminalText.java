package dev.scout.app.console;

/**
 * Makes profile text safe to show: control characters (C0, C1, DEL), ANSI escapes' ESC, bidirectional overrides and
 * isolates (which can make a line read backwards) and zero-width characters are removed, and line breaks and tabs
 * become spaces. One rule for every place profile text is shown: the terminal ({@link #safe}) and the free-text cells
 * of CSV exports ({@link #clean}). Stateless.
 */
public final class TerminalText {
    private TerminalText() {
    }

    /** {@link #clean} text, stripped and cut to {@code maxWidth} code points (the last one an ellipsis when cut). */
    public static String safe(String text, int maxWidth) {
        String s = clean(text).strip();
        if (s.codePointCount(0, s.length()) > maxWidth) {
            int end = s.offsetByCodePoints(0, Math.max(0, maxWidth - 1));
            s = s.substring(0, end) + "…";
        }
        return s;
    }

    /**
     * {@code text} without control, bidi-control and zero-width characters; tabs and line breaks (LF, CR, VT, FF,
     * NEL, U+2028, U+2029) become one space each. Null gives "".
     */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean breaking = isBreak(cp);
            boolean removed = !breaking && (Character.isISOControl(cp) || isBidiControl(cp) || isZeroWidth(cp));
            if ((breaking || removed) && b == null) {
                b = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (breaking) {
                b.append(' ');
            } else if (!removed && b != null) {
                b.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return b == null ? text : b.toString();
    }

    private static boolean isBreak(int cp) {
        return (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
    }

    private static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F
                || cp == 0x061C;
    }

    private static boolean isZeroWidth(int cp) {
        return cp == 0x200B || cp == 0xFEFF;
    }
}
