package dev.scout.scorer.internal.sponsorship;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Evidence} must reach the verdict the detector reached with a signal list, a linked set of brands and a
 * code list: the rule over an {@code EnumSet} of medium kinds, the clearest disclosure, brands in first-named order
 * without the profile itself or "", and codes as brands only for a sponsored post naming none.
 */
class EvidenceTest {

    private static final SignalKind[] KINDS = SignalKind.values();

    @Test
    void reachesTheVerdictOfTheListAndSetItReplaced() {
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            Evidence evidence = new Evidence();
            List<Signal> signals = new ArrayList<>();
            Set<String> brands = new LinkedHashSet<>();
            List<String> codes = new ArrayList<>();
            int brandPool = r.nextInt(1, i % 10 == 0 ? 60 : 6); // sometimes past the hash index's threshold
            for (int k = r.nextInt(0, i % 10 == 0 ? 80 : 6); k > 0; k--) {
                switch (r.nextInt(3)) {
                    case 0 -> {
                        SignalKind kind = KINDS[r.nextInt(KINDS.length)];
                        evidence.signal(kind, "e" + k);
                        signals.add(new Signal(kind, "e" + k));
                    }
                    case 1 -> {
                        String brand = r.nextInt(8) == 0 ? "" : r.nextInt(8) == 0 ? "self" : "b" + r.nextInt(brandPool);
                        evidence.brand(brand);
                        brands.add(brand);
                    }
                    default -> {
                        String code = "C" + r.nextInt(3);
                        evidence.code(code);
                        codes.add(code);
                    }
                }
            }
            assertThat(evidence.verdict("self")).isEqualTo(expected(signals, brands, codes, "self"));
        }
    }

    /** The detector's former ending, kept here as the definition. */
    private static PostVerdict expected(List<Signal> signals, Set<String> brands, List<String> codes, String self) {
        brands.remove(self);
        brands.remove("");
        Set<SignalKind> medium = EnumSet.noneOf(SignalKind.class);
        boolean vagueOrAffiliate = false;
        boolean brandMention = false;
        boolean strong = false;
        SignalKind.Disclosure best = SignalKind.Disclosure.NONE;
        for (Signal s : signals) {
            SignalKind k = s.kind();
            strong |= k.strength() == SignalKind.Strength.STRONG;
            if (k.strength() == SignalKind.Strength.MEDIUM) {
                medium.add(k);
                vagueOrAffiliate |= k.family() == SignalKind.Family.AMBIGUOUS
                        || k.family() == SignalKind.Family.AFFILIATE;
            }
            brandMention |= k == SignalKind.BRAND_MENTION || k == SignalKind.THANKS_BRAND;
            best = k.disclosure().ordinal() < best.ordinal() ? k.disclosure() : best;
        }
        boolean sponsored = strong || medium.size() >= 2 || (vagueOrAffiliate && brandMention);
        if (sponsored && brands.isEmpty()) {
            codes.forEach(c -> brands.add("code " + c));
        }
        return new PostVerdict(sponsored, signals, sponsored ? List.copyOf(brands) : List.of(),
                sponsored ? best.name().toLowerCase(java.util.Locale.ROOT) : "n/a");
    }
}
