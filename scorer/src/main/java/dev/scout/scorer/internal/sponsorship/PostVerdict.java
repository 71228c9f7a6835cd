package dev.scout.scorer.internal.sponsorship;

import java.util.List;

/**
 * The detector's verdict on one post.
 *
 * @param sponsored  true when the evidence meets the rule in {@link SponsorshipDetector}
 * @param signals    every signal found, sponsored or not
 * @param brands     brand keys named by the post (mentions, link domains, "sponsored by X", or a code)
 * @param disclosure clear, ambiguous or none (how a sponsored post discloses); "n/a" when not sponsored
 */
public record PostVerdict(boolean sponsored, List<Signal> signals, List<String> brands, String disclosure) {

    /** The verdict on a post with no evidence at all. */
    public static final PostVerdict NONE = new PostVerdict(false, List.of(), List.of(), "n/a");

    public PostVerdict {
        signals = List.copyOf(signals);
        brands = List.copyOf(brands);
    }
}
