package dev.scout.app.report;

/**
 * HTML escaping for every piece of text the report writes, in element content and in quoted attribute values
 * alike. Profile text is hostile (markup, quotes, control characters), so nothing reaches the page without going
 * through {@link #escape}. Stateless.
 */
public final class Html {

    private Html() {
    }

    /**
     * Escapes {@code & < > " '} and replaces characters HTML forbids (C0 controls other than tab, newline and
     * carriage return; DEL; lone surrogates) with U+FFFD, so the result is safe as element text and inside a
     * double- or single-quoted attribute value.
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\t', '\n', '\r' -> out.append(c);
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        out.append('\uFFFD');
                    } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
