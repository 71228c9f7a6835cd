package dev.scout.app.console;

import dev.scout.crawler.http.FetchStats;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The line that tells a user the address guard refused hosts (a seed or instance on loopback or a private network),
 * and how to allow them, so that "no profile was crawled" does not leave them guessing. Stateless.
 */
public final class AddressGuardNote {
    /** The outcome name {@link FetchStats} counts guard refusals under. */
    static final String REFUSED = "AddressRefused";
    private static final int SHOWN_HOSTS = 5;

    private AddressGuardNote() {
    }

    /** The note, or empty when the guard refused nothing. */
    public static Optional<String> of(FetchStats stats) {
        List<String> hosts = stats.hosts().entrySet().stream()
                .filter(e -> e.getValue().outcomes().getOrDefault(REFUSED, 0L) > 0)
                .map(Map.Entry::getKey).sorted().toList();
        if (hosts.isEmpty()) {
            return Optional.empty();
        }
        String named = String.join(", ", hosts.subList(0, Math.min(SHOWN_HOSTS, hosts.size())))
                + (hosts.size() > SHOWN_HOSTS ? " and " + (hosts.size() - SHOWN_HOSTS) + " more" : "");
        return Optional.of("the address guard refused to connect to " + named + " (a loopback, private or link-local"
                + " address); to crawl a server on your own machine or network, for tests only, set"
                + " crawl.allowPrivateAddresses: true in the config");
    }
}
