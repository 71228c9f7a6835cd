package dev.scout.scorer.internal.sponsorship;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the detector collects for one post: the signals in the order found, the distinct brand keys in the order
 * first named, and the promo codes, in small arrays rather than a list, a linked set and a list per post (a
 * sponsored post used to allocate all three and copy them again into its verdict). The kinds found are kept as a
 * bit mask, so the sponsorship rule and the disclosure are a few mask tests. Not thread-safe: one per post.
 */
final class Evidence {

    /** Kinds of the vague and affiliate families (the rule's "vague or affiliate signal", when medium). */
    private static final int VAGUE_OR_AFFILIATE = family(SignalKind.Family.AMBIGUOUS)
            | family(SignalKind.Family.AFFILIATE);
    private static final int NAMES_BRAND = bit(SignalKind.BRAND_MENTION) | bit(SignalKind.THANKS_BRAND);
    private static final int CLEAR = disclosure(SignalKind.Disclosure.CLEAR);
    private static final int AMBIGUOUS = disclosure(SignalKind.Disclosure.AMBIGUOUS);
    /** Past this many brands a hash set answers "already there?", so a caption naming thousands stays linear. */
    private static final int LINEAR = 16;

    private Signal[] signals = new Signal[3]; // a sponsored post typically has three
    private int signalCount;
    private String[] brands = new String[4];
    private int brandCount;
    private String[] codes; // most posts have none
    private int codeCount;
    private int kinds;
    /** Whether a strong signal was found, and the kinds of the medium ones (a signal's strength is its row's). */
    private boolean strong;
    private int mediumKinds;
    private Set<String> index;

    /** A signal as strong as its kind usually is. */
    void signal(SignalKind kind, String evidence) {
        signal(kind, kind.strength(), evidence);
    }

    /** A signal whose strength the phrase table sets. */
    void signal(SignalKind kind, SignalKind.Strength strength, String evidence) {
        if (signalCount == signals.length) {
            signals = Arrays.copyOf(signals, signalCount * 2);
        }
        signals[signalCount++] = new Signal(kind, evidence);
        kinds |= bit(kind);
        switch (strength) {
            case STRONG -> strong = true;
            case MEDIUM -> mediumKinds |= bit(kind);
            default -> { } // weak: counts only as the kind it is (a brand mention names a brand)
        }
    }

    /** Adds a brand key unless it is already there (first naming keeps its place). */
    void brand(String key) {
        if (index != null ? !index.add(key) : indexOf(key) >= 0) {
            return;
        }
        if (brandCount == brands.length) {
            brands = Arrays.copyOf(brands, brandCount * 2);
        }
        brands[brandCount++] = key;
        if (brandCount == LINEAR && index == null) {
            index = new HashSet<>(Arrays.asList(brands).subList(0, brandCount));
        }
    }

    void code(String code) {
        if (codes == null) {
            codes = new String[1];
        } else if (codeCount == codes.length) {
            codes = Arrays.copyOf(codes, codeCount * 2);
        }
        codes[codeCount++] = code;
    }

    /**
     * The verdict: sponsored when a strong signal was found, or two distinct medium kinds, or a vague or affiliate
     * signal together with a brand mention. Its brands leave out {@code self} and ""; a sponsored post that names
     * no brand counts each of its codes as one ("code VEGAN10").
     */
    PostVerdict verdict(String self) {
        boolean sponsored = strong || Integer.bitCount(mediumKinds) >= 2
                || ((mediumKinds & VAGUE_OR_AFFILIATE) != 0 && (kinds & NAMES_BRAND) != 0);
        if (signalCount == 0) {
            return PostVerdict.NONE; // a link or mention that named nothing
        }
        List<Signal> found = listOf(signals, signalCount);
        if (!sponsored) {
            return new PostVerdict(false, found, List.of(), "n/a");
        }
        remove(self);
        remove("");
        if (brandCount == 0) {
            for (int k = 0; k < codeCount; k++) {
                brand("code " + codes[k]);
            }
        }
        String disclosure = (kinds & CLEAR) != 0 ? "clear" : (kinds & AMBIGUOUS) != 0 ? "ambiguous" : "none";
        return new PostVerdict(true, found, listOf(brands, brandCount), disclosure);
    }

    /** The first {@code n} elements as an immutable list, copied once ({@code List.of} copies its array). */
    private static <T> List<T> listOf(T[] a, int n) {
        return switch (n) {
            case 0 -> List.of();
            case 1 -> List.of(a[0]);
            case 2 -> List.of(a[0], a[1]);
            case 3 -> List.of(a[0], a[1], a[2]); // measured cheaper than List.of(array)
            default -> List.of(n == a.length ? a : Arrays.copyOf(a, n));
        };
    }

    private void remove(String key) {
        if (index != null && !index.remove(key)) {
            return;
        }
        int at = indexOf(key);
        if (at >= 0) {
            System.arraycopy(brands, at + 1, brands, at, brandCount - at - 1);
            brands[--brandCount] = null;
        }
    }

    private int indexOf(String key) {
        for (int k = 0; k < brandCount; k++) {
            if (brands[k].equals(key)) {
                return k;
            }
        }
        return -1;
    }

    private static int bit(SignalKind kind) {
        return 1 << kind.ordinal();
    }

    private static int family(SignalKind.Family family) {
        int m = 0;
        for (SignalKind k : SignalKind.values()) {
            m |= k.family() == family ? bit(k) : 0;
        }
        return m;
    }

    private static int disclosure(SignalKind.Disclosure disclosure) {
        int m = 0;
        for (SignalKind k : SignalKind.values()) {
            m |= k.disclosure() == disclosure ? bit(k) : 0;
        }
        return m;
    }
}
