package dev.scout.scorer.internal.sponsorship;

/** One piece of sponsorship evidence: its kind and the matched text, e.g. {@code AD_TAG "#ad"}. */
public record Signal(SignalKind kind, String evidence) {

    /** "#ad (explicit disclosure)". */
    public String describe() {
        return evidence + " (" + kind.label() + ")";
    }
}
