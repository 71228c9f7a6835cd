package dev.scout.simnet.population;

/** The role an account plays in the simulated population. */
public enum AccountKind {
    /** Posts mostly about one niche. */
    CREATOR,
    /** Mixes several niches; no primary niche. */
    GENERALIST,
    /** A company account that sponsored posts mention. */
    BRAND,
    /** An ordinary person who follows creators and posts a little. */
    AUDIENCE,
    /** A purchased follower: default avatar, no bio, numbered username, follows thousands. */
    FAKE_FOLLOWER
}
