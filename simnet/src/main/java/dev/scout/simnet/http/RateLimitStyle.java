package dev.scout.simnet.http;

/** How a platform announces and enforces its rate limit: which paths count, which headers, what a 429 looks like. */
public interface RateLimitStyle {

    /** True when requests to {@code path} count against the limit. */
    boolean applies(String path);

    /** Adds the platform's rate-limit headers for this decision. */
    SimResponse decorate(SimResponse response, RateDecision decision);

    /** The platform's answer when the limit is exhausted (headers added by {@link #decorate} too when advertising). */
    SimResponse rejection(RateDecision decision);
}
