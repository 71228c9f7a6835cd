package dev.scout.crawler.engine;

/** Where requests were spent, cheapest stage first. */
public enum FunnelStage {
    /** Hashtag timelines. */
    DISCOVERY,
    /** Profile lookups (batched where the platform allows), including WebFinger. */
    LOOKUP,
    /** Recent posts of profiles inside the follower range. */
    POSTS,
    /** Follower samples of funnel-passed profiles and follower lists of strong candidates. */
    FOLLOWERS
}
