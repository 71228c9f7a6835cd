package dev.scout.crawler.http;

import java.time.Duration;

/**
 * Asked right before each request leaves for a host: may this process send to {@code host} now? On one machine
 * the answer is always yes ({@link #ALWAYS}); in a fleet of workers sharing one store, only the worker holding the
 * host's lease may send, and only while its lease (checked by fencing token) is still its own, so that a host's
 * rate limit holds across the fleet.
 *
 * <p>Implementations must be thread-safe and quick (they run on the fetcher's sending path). They may block briefly
 * on a database round trip; they must not throw: a failure to decide is a {@link Decision.Refused}. What a fleet
 * remembers of a host's rate for its next owner is not the permit's business but {@link RateMemory}'s.
 */
@FunctionalInterface
public interface HostPermit {

    /** Every request may go out: a single process owns every host it talks to. */
    HostPermit ALWAYS = host -> Decision.Granted.UNFENCED;

    /** Decides for one request to {@code host} (a {@link HostKey}: lower-case host, with the port when not default). */
    Decision mayISend(String host);

    /**
     * Asked when a request is queued, before its robots.txt check and its wait for a turn: an early, cheap answer,
     * so that a host this process may not send to costs no robots.txt request. Not a grant: {@link #mayISend} still
     * decides right before the request leaves. By default the same question as {@link #mayISend}.
     */
    default Decision mayQueue(String host) {
        return mayISend(host);
    }

    /** The answer for one request. */
    sealed interface Decision {
        /**
         * The request may go out, if it leaves within {@code sendWithin} of the moment the permit was asked: a
         * process paused after the grant (SIGSTOP, a long GC pause, a suspended VM) must not send on a lease that
         * lapsed meanwhile, so the fetcher checks this again right before the request is written, and a late
         * request ends as {@link FetchOutcome.FailureKind#HOST_NOT_OWNED} without reaching the server.
         *
         * @param token      the fencing token of the lease the request goes out under (0: none)
         * @param sendWithin how long the grant holds; {@link #NO_LIMIT} when it holds until the request leaves
         */
        record Granted(long token, Duration sendWithin) implements Decision {
            /** A grant that holds however late the request leaves (about 292 years, the longest nanosecond span). */
            public static final Duration NO_LIMIT = Duration.ofNanos(Long.MAX_VALUE);
            /** The grant of {@link #ALWAYS}: no lease, no token. */
            public static final Granted UNFENCED = new Granted(0);

            public Granted {
                if (sendWithin == null || sendWithin.isNegative() || sendWithin.compareTo(NO_LIMIT) > 0) {
                    throw new IllegalArgumentException("sendWithin must be from zero to NO_LIMIT, got " + sendWithin);
                }
            }

            /** A grant that holds until the request leaves. */
            public Granted(long token) {
                this(token, NO_LIMIT);
            }
        }

        /** The request must not go out; {@code reason} says why (another worker owns the host, the lease ran out). */
        record Refused(String reason) implements Decision {
        }
    }
}
