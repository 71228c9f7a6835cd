package dev.scout.scorer.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.RandomAccess;

/**
 * One caption or bio prepared for the detectors in a single pass over reused buffers: the folded text, its lower
 * case, the word tokens and the distinct hashtags as slices of {@code char[]} buffers (with their
 * {@link CharTable#hash}), and the URLs and mentions written in the text. It yields exactly what {@link PostText}
 * describes (see {@link PostText#from}), but builds no {@code String} per word or hashtag: the scorer prepares every
 * caption of every profile, and the strings were most of its allocation.
 *
 * <p>Common text (ASCII with emoji, symbols and line breaks, see {@link QuickFold}) is checked, folded, copied and
 * lower-cased in one pass; other text is folded first
 * and lower-cased character by character ({@link LowerCase}) unless one of the few characters whose lower case
 * depends on context or changes the length sends it through {@link String#toLowerCase(Locale)} (then words are
 * lower-cased one by one when the length changed, as before), so the result is identical. Not thread-safe: one
 * instance per thread, reused from text to text; the lists and buffers it returns are valid until the next
 * {@link #scan}.
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

    private final Slices words = new Slices(256, 32);
    private final Slices tags = new Slices(64, 8);

    private final List<String> urls = new ArrayList<>(2);
    private final List<String> mentions = new ArrayList<>(2);
    private final List<String> urlsView = Collections.unmodifiableList(urls);
    private final List<String> mentionsView = Collections.unmodifiableList(mentions);

    /** Prepares {@code text} plus structured hashtags (as a platform gives them, with or without {@code #}). */
    public TextScan scan(String text, Collection<String> structuredHashtags) {
        clear();
        if (!quickFold(text)) {
            folded = TextFolding.fold(text);
            length = folded.length();
            src = fit(src, length);
            folded.getChars(0, length, src, 0);
            lowerCase();
        }
        Tokenizer.run(this);
        if (structuredHashtags instanceof List<String> list && list instanceof RandomAccess) { // no iterator per post
            for (int k = 0; k < list.size(); k++) {
                Tokenizer.structuredHashtag(list.get(k), this);
            }
        } else {
            for (String tag : structuredHashtags) {
                Tokenizer.structuredHashtag(tag, this);
            }
        }
        return this;
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

    private void clear() {
        words.clear();
        tags.clear();
        urls.clear();
        mentions.clear();
        lowerString = null;
    }

    /** The common cases in one pass (see {@link QuickFold}); false, with nothing decided, otherwise. */
    private boolean quickFold(String text) {
        if (text == null) {
            return false;
        }
        int n = text.length();
        src = fit(src, n);
        lower = fit(lower, n);
        int result = QuickFold.fold(text, src, lower);
        if (result == QuickFold.NOT_QUICK) {
            return false;
        }
        length = result & QuickFold.LENGTH;
        folded = (result & QuickFold.FOLDED) != 0 ? new String(src, 0, length) : text;
        lowerLength = length;
        aligned = true;
        lowerString = (result & QuickFold.LOWERED) != 0 ? null : folded; // built on demand: most callers read chars
        return true;
    }

    /** Lower-cases {@code src} into {@code lower} (see {@link LowerCase#byChar}), or the whole text when it must. */
    private void lowerCase() {
        lower = fit(lower, length);
        int result = LowerCase.byChar(src, length, lower);
        if (result == LowerCase.NOT_PLAIN) {
            lowerString = folded.toLowerCase(Locale.ROOT);
            lowerLength = lowerString.length();
            lower = fit(lower, lowerLength);
            lowerString.getChars(0, lowerLength, lower, 0);
            aligned = lowerLength == length;
            return;
        }
        lowerLength = length;
        aligned = true;
        lowerString = result == LowerCase.CHANGED ? null : folded;
    }

    /** Characters the largest buffer holds: a caller keeping an instance may drop it after a huge text. */
    public int capacity() {
        return Math.max(Math.max(src.length, lower.length), Math.max(words.chars().length, tags.chars().length));
    }

    // --- accessors -------------------------------------------------------------------------------------------

    /** Text after {@link TextFolding#fold}. */
    public String folded() {
        return folded;
    }

    /** The characters of {@link #folded()}, valid up to {@link #foldedLength()}. */
    public char[] foldedChars() {
        return src;
    }

    public int foldedLength() {
        return length;
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

    /** The word tokens in order: lower case, plural-stemmed, hashtags split into words (see {@link PostText}). */
    public Slices words() {
        return words;
    }

    /** The distinct hashtags (lower case, no {@code #}), in order of first appearance. */
    public Slices hashtags() {
        return tags;
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
        int p = words.reserve(to - from);
        char[] w = words.chars();
        int h = 0;
        for (int i = from; i < to; i++) {
            char c = a[i];
            if (lowerAscii && c >= 'A' && c <= 'Z') {
                c += 32;
            }
            w[p + i - from] = c;
            h = 31 * h + c;
        }
        keepWord(w, p, p + to - from, h);
    }

    /**
     * Keeps the word copied to {@code w[from, end)} (the words' buffer, at the next slice) with its hash {@code h},
     * stemmed first when it may be a plural; returns where the next slice starts.
     */
    int keepWord(char[] w, int from, int end, int h) {
        if (w[end - 1] == 's') { // only a plural changes under the stemmer; then hash the stem instead
            int stem = Stemmer.stemInPlace(w, from, end);
            words.keep(stem, CharTable.hash(w, from, stem));
            return stem;
        }
        words.keep(end, h);
        return end;
    }

    /** Adds a lower-case word, plural-stemmed as {@link Stemmer} does. */
    void addWordToStem(String word) {
        int p = words.reserve(word.length());
        word.getChars(0, word.length(), words.chars(), p);
        keepWord(words.chars(), p, p + word.length(), word.hashCode());
    }

    /** Adds a word that is already lower case and stemmed. */
    void addWord(String word) {
        int p = words.reserve(word.length());
        word.getChars(0, word.length(), words.chars(), p);
        words.keep(p + word.length(), word.hashCode());
    }

    /** Adds {@code a[from, to)}, ASCII-lower-cased, as a hashtag unless already present. */
    void addTag(char[] a, int from, int to) {
        int p = tags.reserve(to - from);
        char[] t = tags.chars();
        for (int i = from; i < to; i++) {
            char c = a[i];
            t[p + i - from] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        tags.keepIfNew(p + to - from);
    }

    /** Adds a lower-case hashtag unless already present; true when it was new. */
    boolean addTag(String tag) {
        int p = tags.reserve(tag.length());
        tag.getChars(0, tag.length(), tags.chars(), p);
        return tags.keepIfNew(p + tag.length());
    }

    private static char[] fit(char[] a, int size) {
        return size <= a.length ? a : java.util.Arrays.copyOf(a, Math.max(size, a.length * 2));
    }
}
