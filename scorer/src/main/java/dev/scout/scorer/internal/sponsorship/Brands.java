package dev.scout.scorer.internal.sponsorship;

import dev.scout.scorer.internal.text.TextFolding;

import java.util.Set;

/** Brand keys: one spelling per brand so "@Oatly", "oatly@brands.example" and "oatly.example" count once. Pure. */
public final class Brands {

    private static final Set<String> NOT_A_NAME = Set.of("the", "my", "our", "a", "an", "these", "this", "friends",
            "folks", "lovely", "amazing", "team", "people", "me", "you", "us");

    private Brands() {
    }

    /** Lower case, accents folded, letters and digits only. */
    public static String key(String raw) {
        return key(raw, 0, raw.length());
    }

    /** {@link #key} of {@code raw.substring(from, to)}, without building the substring for plain ASCII text. */
    private static String key(String raw, int from, int to) {
        String ascii = asciiKey(raw, from, to);
        if (ascii != null) {
            return ascii;
        }
        String folded = TextFolding.foldLower(raw.substring(from, to));
        StringBuilder sb = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * {@link #key} of plain ASCII text (which folding leaves as it is), or null for any other text. Handles, link
     * labels and names are nearly always ASCII, and most are already keys: those cost one check and a substring.
     */
    private static String asciiKey(String raw, int from, int to) {
        boolean same = true;
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c >= 0x7f || (c < 0x20 && c != '\n' && c != '\t' && c != '\r')) {
                return null; // as TextFolding.isPlainAscii: such text is folded first
            }
            same &= (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        }
        if (same) {
            return raw.substring(from, to);
        }
        char[] out = new char[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                out[n++] = (char) (c + 32);
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out[n++] = c;
            }
        }
        return new String(out, 0, n);
    }

    /** Whether a mention is a Bluesky DID ({@code did:plc:…}, {@code did:web:…}): an id, not a name. */
    public static boolean isDid(String mention) {
        String m = mention.startsWith("@") ? mention.substring(1) : mention;
        return m.regionMatches(true, 0, "did:", 0, 4);
    }

    /**
     * The brand key of a mention ({@code @user@host}, {@code user@host}, {@code @handle.bsky.social}); "" for a
     * DID, which names no brand.
     */
    public static String fromMention(String mention) {
        int from = mention.startsWith("@") ? 1 : 0;
        if (mention.regionMatches(true, from, "did:", 0, 4)) {
            return "";
        }
        int to = mention.length();
        int at = mention.indexOf('@', from);
        if (at > from) {
            to = at; // user@host → user
        }
        int dot = mention.indexOf('.', from);
        if (dot > from && dot < to) {
            to = dot; // Bluesky handles: name.bsky.social → name
        }
        return key(mention, from, to);
    }

    /** The brand key of a word that follows "sponsored by" and the like, or "" when it is not a name. */
    public static String fromName(String word) {
        if (word.startsWith("@")) {
            return fromMention(word);
        }
        String k = key(word);
        return NOT_A_NAME.contains(k) ? "" : k;
    }
}
