package dev.scout.simnet.http;

import java.time.Duration;
import java.time.Instant;

/**
 * The limiter's verdict on one request.
 *
 * @param allowed   false once the window's budget is used up
 * @param limit     requests allowed per window
 * @param remaining requests left in this window after this one (never negative)
 * @param reset     when the current window ends
 * @param retryIn   time from now until {@code reset}
 * @param window    window length
 */
public record RateDecision(boolean allowed, int limit, int remaining, Instant reset, Duration retryIn, Duration window) {
}
