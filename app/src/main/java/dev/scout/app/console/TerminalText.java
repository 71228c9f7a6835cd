package dev.scout.app.console;

/**
 * Makes profile text safe to print on a terminal: control characters, ANSI escapes and bidirectional overrides
 * (which can make a line read backwards) are removed, and the text is cut to a width.
 */
public final class TerminalText {
    private TerminalText() {
    }

    public static String safe(String text, int maxWidth) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(Math.min(text.length(), maxWidth + 1));
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || isBidiControl(cp) || cp == 0x200B || cp == 0xFEFF) {
                return;
            }
            b.appendCodePoint(cp);
        });
        String s = b.toString().strip();
        if (s.codePointCount(0, s.length()) > maxWidth) {
            int end = s.offsetByCodePoints(0, Math.max(0, maxWidth - 1));
            s = s.substring(0, end) + "…";
        }
        return s;
    }

    private static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F
                || cp == 0x061C;
    }
}
