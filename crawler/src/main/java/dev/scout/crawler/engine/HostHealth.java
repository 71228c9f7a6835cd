package dev.scout.crawler.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How each host has answered in this run: the streak of failed fetches with no answer in between, and whether the
 * run gave the host up. A failure in a streak longer than one is the host's trouble (an outage, a storm of 5xx), not
 * the profile's, so it does not use up the profile's attempts; after {@link #GIVE_UP_AFTER} failures in a row the
 * host is left for a later run. Thread-safe.
 */
final class HostHealth {
    /**
     * Failed fetches in a row (each after the fetcher's own retries, 4 by default) after which a host is given up for
     * the run. With the default retries, 40 consecutive 5xx cost at most 10 failed fetches, well under this.
     */
    static final int GIVE_UP_AFTER = 20;

    private final int giveUpAfter;
    /** Guarded by {@code this}. */
    private final Map<String, Integer> streaks = new HashMap<>();
    /** Guarded by {@code this}: why a host was given up. */
    private final Map<String, String> givenUp = new HashMap<>();

    HostHealth() {
        this(GIVE_UP_AFTER);
    }

    HostHealth(int giveUpAfter) {
        this.giveUpAfter = giveUpAfter;
    }

    /** The host answered (whatever the answer meant for the profile): its failure streak ends. */
    synchronized void answered(String host) {
        streaks.remove(host);
    }

    /**
     * One more failed fetch, for {@code cause}; returns the streak it makes. Gives the host up when the streak
     * reaches the limit.
     */
    synchronized int failed(String host, String cause) {
        int streak = streaks.merge(host, 1, Integer::sum);
        if (streak >= giveUpAfter) {
            givenUp.putIfAbsent(host, shown(host) + " failed " + streak + " fetches in a row, so this run left it"
                    + " (last: " + cause + ")");
        }
        return streak;
    }

    /** The host part of an engine host key ({@code platform|host:port}). */
    static String shown(String host) {
        return host.substring(host.indexOf('|') + 1);
    }

    /** The host's current streak of failed fetches. */
    synchronized int streak(String host) {
        return streaks.getOrDefault(host, 0);
    }

    /** Leaves the host for a later run. */
    synchronized void giveUp(String host, String why) {
        givenUp.putIfAbsent(host, why);
    }

    /** Why the host was given up in this run, if it was. */
    synchronized Optional<String> givenUp(String host) {
        return Optional.ofNullable(givenUp.get(host));
    }
}
