package dev.scout.app.hubspot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Keeps requests under HubSpot's rolling ten-second limit: at most {@code limit} sends in any 10 s window, plus
 * a "not before" time set by a 429's Retry-After or an outage backoff. Memory is bounded by {@code limit}.
 * Not thread-safe: one pacer per sequential uploader.
 */
final class RequestPacer {

    static final Duration WINDOW = Duration.ofSeconds(10);

    private final int limit;
    private final Clock clock;
    private final Pause pause;
    private final Deque<Instant> sent = new ArrayDeque<>();
    private Instant notBefore = Instant.MIN;

    RequestPacer(int limit, Clock clock, Pause pause) {
        this.limit = limit;
        this.clock = clock;
        this.pause = pause;
    }

    /** Waits until a request may be sent under the window and any backoff, then records it as sent. */
    void acquire() throws InterruptedException {
        while (true) {
            Duration wait = waitNeeded(clock.instant());
            if (wait.isZero()) {
                sent.addLast(clock.instant());
                return;
            }
            pause.pause(wait);
        }
    }

    /** Delays every later request until {@code until}. */
    void backOffUntil(Instant until) {
        if (until.isAfter(notBefore)) {
            notBefore = until;
        }
    }

    private Duration waitNeeded(Instant now) {
        while (!sent.isEmpty() && !sent.peekFirst().plus(WINDOW).isAfter(now)) {
            sent.removeFirst();
        }
        Instant earliest = now;
        if (notBefore.isAfter(earliest)) {
            earliest = notBefore;
        }
        if (sent.size() >= limit) {
            Instant windowFrees = sent.peekFirst().plus(WINDOW);
            if (windowFrees.isAfter(earliest)) {
                earliest = windowFrees;
            }
        }
        return Duration.between(now, earliest);
    }
}
