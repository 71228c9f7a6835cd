package dev.scout.scorer.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One caption or bio prepared for the detectors in a single pass over reused buffers: the folded text, its lower
 * case, the word tokens and the distinct hashtags as slices of {@code char[]} buffers (with their
 * {@link CharTable#hash}), and the URLs and mentions written in the text. It yields exactly what {@link PostText}
 * describes (see {@link #toPostText()}), but builds no {@code String} per word or hashtag: the scorer prepares every
 * caption of every profile, and the strings were most of its allocation.
 *
 * <p>ASCII text (the common case) is lower-cased and tokenised character by character; other text goes through the
 * same {@code String} operations as before ({@link String#toLowerCase(Locale)} on the whole text, per word when
 * that changes the length), so the result is identical. Not thread-safe: one instance per thread, reused from text
 * to text; the lists and buffers it returns are valid until the next {@link #scan}.
 */
public final class TextScan {

    private String folded = "";
    private String lowerString = "";
    private char[] src = new char[256];
    private char[] lower = new char[256];
    private int length;
    private int lowerLength;
    /** Whether {@code lower[i]} is {@code src[i]} lower-cased, as the tokeniser needs. */
    private boolean aligned;

    private char[] wordChars = new char[256];
    /** Word k is {@code wordChars[wordStart[k], wordStart[k + 1])}. */
    private int[] wordStart = new int[33];
    private int[] wordHash = new int[33];
    private int words;

    private char[] tagChars = new char[64];
    private int[] tagStart = new int[9];
    private int[] tagHash = new int[9];
    private int tags;

    private char[] scratch = new char[64];
    private final List<String> urls = new ArrayList<>(2);
    private final List<String> mentions = new ArrayList<>(2);
    private final List<String> urlsView = Collections.unmodifiableList(urls);
    private final List<String> mentionsView = Collections.unmodifiableList(mentions);

    /** Prepares {@code text} plus structured hashtags (as a platform gives them, with or without {@code #}). */
    public TextScan scan(String text, Collection<String> structuredHashtags) {
        clear();
        if (!copyPlainAscii(text)) {
            folded = TextFolding.fold(text);
            length = folded.length();
            src = fit(src, length);
            folded.getChars(0, length, src, 0);
            lowerCase();
        }
        Tokenizer.run(this);
        for (String tag : structuredHashtags) {
            if (isLowerAsciiWord(tag)) { // "vegan", as platforms send them: folding changes nothing, one word
                if (addTag(tag)) {
                    scratch = fit(scratch, tag.length());
                    tag.getChars(0, tag.length(), scratch, 0);
                    addWord(scratch, 0, tag.length(), false);
                }
                continue;
            }
            String stripped = tag.startsWith("#") ? tag.substring(1) : tag;
            String t = TextFolding.foldLower(stripped);
            if (!t.isEmpty() && addTag(t)) {
                splitHashtag(TextFolding.fold(stripped));
            }
        }
        return this;
    }

    private static boolean isLowerAsciiWord(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    /** Loads text already prepared as a {@link PostText} (the form tests and tools build). */
    public TextScan load(PostText t) {
        clear();
        folded = t.folded();
        length = folded.length();
        src = fit(src, length);
        folded.getChars(0, length, src, 0);
        lowerString = t.lower();
        lowerLength = lowerString.length();
        lower = fit(lower, lowerLength);
        lowerString.getChars(0, lowerLength, lower, 0);
        aligned = lowerLength == length;
        for (String w : t.words()) {
            addWord(w);
        }
        t.hashtags().forEach(this::addTag);
        urls.addAll(t.urls());
        mentions.addAll(t.mentions());
        return this;
    }

    /** The same text as an immutable {@link PostText}. */
    public PostText toPostText() {
        String[] ws = new String[words];
        for (int k = 0; k < words; k++) {
            ws[k] = new String(wordChars, wordStart[k], wordStart[k + 1] - wordStart[k]);
        }
        Set<String> ts = new LinkedHashSet<>();
        for (int k = 0; k < tags; k++) {
            ts.add(new String(tagChars, tagStart[k], tagStart[k + 1] - tagStart[k]));
        }
        return new PostText(folded, lower(), ws, Collections.unmodifiableSet(ts),
                urls.isEmpty() ? List.of() : List.copyOf(urls), mentions.isEmpty() ? List.of() : List.copyOf(mentions));
    }

    private void clear() {
        words = 0;
        tags = 0;
        urls.clear();
        mentions.clear();
        lowerString = null;
    }

    /**
     * The common case in one pass: when {@code text} is plain ASCII (which {@link TextFolding#fold} returns
     * unchanged), copies it into {@code src} and its lower case into {@code lower}; false, with nothing decided,
     * otherwise.
     */
    private boolean copyPlainAscii(String text) {
        if (text == null) {
            return false;
        }
        int n = text.length();
        char[] s = src = fit(src, n);
        char[] l = lower = fit(lower, n);
        text.getChars(0, n, s, 0); // a bulk copy, much faster than charAt in the loop
        boolean changed = false;
        for (int i = 0; i < n; i++) {
            char c = s[i];
            if (c >= 0x7f || (c < 0x20 && c != '\n' && c != '\t' && c != '\r')) {
                return false; // the same test as TextFolding.isPlainAscii
            }
            if (c >= 'A' && c <= 'Z') {
                c += 32;
                changed = true;
            }
            l[i] = c;
        }
        folded = text;
        length = n;
        lowerLength = n;
        aligned = true;
        lowerString = changed ? null : text;
        return true;
    }

    /**
     * Lower-cases {@code src} into {@code lower} as {@link String#toLowerCase(Locale)} with the root locale would:
     * character by character, except for the few characters whose lower case depends on context or changes the
     * length (capital sigma, dotted capital I, supplementary letters), which send the text through that method.
     */
    private void lowerCase() {
        lower = fit(lower, length);
        boolean changed = false;
        for (int i = 0; i < length; i++) {
            char c = src[i];
            if (c < 0x80) {
                if (c >= 'A' && c <= 'Z') {
                    c += 32;
                    changed = true;
                }
                lower[i] = c;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(src[i + 1])
                    && Character.toLowerCase(Character.toCodePoint(c, src[i + 1])) == Character.toCodePoint(c, src[i + 1])) {
                lower[i] = c; // an emoji or another code point without a lower case
                lower[i + 1] = src[i + 1];
                i++;
            } else {
                int l = Character.toLowerCase((int) c);
                if (Character.isSurrogate(c) || c == '\u0130' || c == '\u03A3' || l > Character.MAX_VALUE) {
                    lowerWholeText();
                    return;
                }
                changed |= l != c;
                lower[i] = (char) l;
            }
        }
        lowerLength = length;
        aligned = true;
        lowerString = changed ? null : folded; // built on demand: most callers read the chars
    }

    private void lowerWholeText() {
        lowerString = folded.toLowerCase(Locale.ROOT);
        lowerLength = lowerString.length();
        lower = fit(lower, lowerLength);
        lowerString.getChars(0, lowerLength, lower, 0);
        aligned = lowerLength == length;
    }

    /** Characters the largest buffer holds: a caller keeping an instance may drop it after a huge text. */
    public int capacity() {
        return Math.max(Math.max(src.length, lower.length), Math.max(wordChars.length, tagChars.length));
    }

    // --- accessors -------------------------------------------------------------------------------------------

    /** Text after {@link TextFolding#fold}. */
    public String folded() {
        return folded;
    }

    /** {@link #folded()} lower-cased with the root locale. */
    public String lower() {
        if (lowerString == null) {
            lowerString = new String(lower, 0, lowerLength);
        }
        return lowerString;
    }

    /** The characters of {@link #lower()}, valid up to {@link #lowerLength()}. */
    public char[] lowerChars() {
        return lower;
    }

    public int lowerLength() {
        return lowerLength;
    }

    /** Whether the lower-case text has {@code needle} at {@code at}. */
    public boolean lowerStartsWith(String needle, int at) {
        if (at + needle.length() > lowerLength) {
            return false;
        }
        for (int k = 0; k < needle.length(); k++) {
            if (lower[at + k] != needle.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    public int wordCount() {
        return words;
    }

    /** Holds every word; word k is {@code [wordStart(k), wordEnd(k))}. */
    public char[] wordChars() {
        return wordChars;
    }

    public int wordStart(int k) {
        return wordStart[k];
    }

    public int wordEnd(int k) {
        return wordStart[k + 1];
    }

    public int wordHash(int k) {
        return wordHash[k];
    }

    public int tagCount() {
        return tags;
    }

    /** Holds every distinct hashtag (lower case, no {@code #}), in order of first appearance. */
    public char[] tagChars() {
        return tagChars;
    }

    public int tagStart(int k) {
        return tagStart[k];
    }

    public int tagEnd(int k) {
        return tagStart[k + 1];
    }

    public int tagHash(int k) {
        return tagHash[k];
    }

    /** http(s) URLs written in the text. */
    public List<String> urls() {
        return urlsView;
    }

    /** Handles written in the text, lower case, without the leading {@code @}. */
    public List<String> mentions() {
        return mentionsView;
    }

    // --- what the tokenizer fills ----------------------------------------------------------------------------

    char[] src() {
        return src;
    }

    int length() {
        return length;
    }

    boolean aligned() {
        return aligned;
    }

    void addUrl(String url) {
        urls.add(url);
    }

    void addMention(String mention) {
        mentions.add(mention);
    }

    /** Adds {@code a[from, to)} as a word, ASCII-lower-cased when asked, then plural-stemmed as {@link Stemmer}. */
    void addWord(char[] a, int from, int to, boolean lowerAscii) {
        int p = wordStart[words];
        char[] w = wordChars = fit(wordChars, p + to - from);
        int h = 0;
        for (int i = from; i < to; i++) {
            char c = a[i];
            if (lowerAscii && c >= 'A' && c <= 'Z') {
                c += 32;
            }
            w[p + i - from] = c;
            h = 31 * h + c;
        }
        int end = p + to - from;
        if (w[end - 1] == 's') { // only a plural changes under the stemmer; then hash the stem instead
            keepPlural(p, end);
        } else {
            keepWord(end, h);
        }
    }

    /** Kept out of {@link #addWord} so that it stays small enough to be inlined into the tokeniser's loop. */
    private void keepPlural(int from, int to) {
        int end = Stemmer.stemInPlace(wordChars, from, to);
        keepWord(end, CharTable.hash(wordChars, from, end));
    }

    /**
     * Adds the word of letters and digits that starts at {@code from} in the text, copied from the lower case (the
     * text must be {@link #aligned}) and stemmed; returns where it ends.
     */
    int addWordAt(int from) {
        int p = wordStart[words];
        char[] w = wordChars = fit(wordChars, p + length - from);
        char[] s = src;
        char[] l = lower;
        int h = 0;
        int i = from;
        do {
            char c = l[i];
            w[p + i - from] = c;
            h = 31 * h + c;
            i++;
        } while (i < length && Tokenizer.isLetterOrDigit(s[i]));
        int end = p + i - from;
        if (w[end - 1] == 's') { // only a plural changes under the stemmer; then hash the stem instead
            keepPlural(p, end);
        } else {
            keepWord(end, h);
        }
        return i;
    }

    /** Adds a word that is already lower case and stemmed. */
    void addWord(String word) {
        int p = wordStart[words];
        wordChars = fit(wordChars, p + word.length());
        word.getChars(0, word.length(), wordChars, p);
        keepWord(p + word.length(), word.hashCode());
    }

    private void keepWord(int end, int hash) {
        if (words + 2 > wordStart.length) {
            growWords();
        }
        wordHash[words] = hash;
        wordStart[++words] = end;
    }

    private void growWords() {
        wordStart = java.util.Arrays.copyOf(wordStart, wordStart.length * 2);
        wordHash = java.util.Arrays.copyOf(wordHash, wordHash.length * 2);
    }

    /** Adds {@code a[from, to)}, ASCII-lower-cased, as a hashtag unless already present. */
    void addTag(char[] a, int from, int to) {
        int p = tagStart[tags];
        tagChars = fit(tagChars, p + to - from);
        for (int i = from; i < to; i++) {
            char c = a[i];
            tagChars[p + i - from] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        keepTagIfNew(p, p + to - from);
    }

    /** Adds a lower-case hashtag unless already present; true when it was new. */
    boolean addTag(String tag) {
        int p = tagStart[tags];
        tagChars = fit(tagChars, p + tag.length());
        tag.getChars(0, tag.length(), tagChars, p);
        return keepTagIfNew(p, p + tag.length());
    }

    private boolean keepTagIfNew(int from, int to) {
        int h = CharTable.hash(tagChars, from, to);
        for (int k = 0; k < tags; k++) {
            if (tagHash[k] == h && java.util.Arrays.equals(tagChars, tagStart[k], tagStart[k + 1], tagChars, from, to)) {
                return false;
            }
        }
        if (tags + 2 > tagStart.length) {
            tagStart = java.util.Arrays.copyOf(tagStart, tagStart.length * 2);
            tagHash = java.util.Arrays.copyOf(tagHash, tagHash.length * 2);
        }
        tagHash[tags] = h;
        tagStart[++tags] = to;
        return true;
    }

    /** Feeds the words of a hashtag written outside the text (no {@code #}, folded, original case). */
    private void splitHashtag(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) >= 0x80) {
                Tokenizer.splitHashtag(raw, this);
                return;
            }
        }
        scratch = fit(scratch, raw.length());
        raw.getChars(0, raw.length(), scratch, 0);
        Tokenizer.splitAsciiHashtag(scratch, 0, raw.length(), this);
    }

    private static char[] fit(char[] a, int size) {
        return size <= a.length ? a : java.util.Arrays.copyOf(a, Math.max(size, a.length * 2));
    }
}
