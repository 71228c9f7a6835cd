package dev.scout.simnet.population;

/**
 * How an account games its numbers, if it does (scoring reference §4.1). Half of the fakes are subtle and show one
 * sign only: 12–30% bought followers, a pod lifting the rate to 1.1–2× the high cut with ordinary-looking posts, or
 * a bot that only posts 20–50 times a day.
 */
public enum FakeKind {
    NONE,
    /** 30–70% of its followers are purchased fake accounts; engagement comes only from the real rest. */
    BOUGHT_FOLLOWERS,
    /** Engagement 3–6× the band's high cut, very uniform, with many replies per like. */
    ENGAGEMENT_POD,
    /** Automated: flagged {@code bot} or posting more than 50 times a day while following far more than follow it. */
    BOT_LIKE
}
