package dev.scout.crawler.internal.robots;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * robots.txt per origin (RFC 9309, parsed by crawler-commons): fetched once, shared by concurrent callers, cached in
 * Caffeine for 24 h. 4xx means no restrictions; 5xx, 429 and unreachable mean disallow everything and fetch again
 * after 1 minute, doubling up to 1 hour while it stays unavailable. Thread-safe.
 */
public final class RobotsCache {
    static final Duration FRESH_FOR = Duration.ofHours(24);
    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration MAX_RETRY = Duration.ofHours(1);

    private final String productToken;
    private final Duration crawlDelayCap;
    private final Function<URI, CompletableFuture<RobotsResponse>> fetchRobots;
    private final Cache<String, HostRules> cache;
    private final Map<String, Waiters> pending = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    /** What is known about one origin's robots.txt and how long to trust it. */
    private record HostRules(Optional<BaseRobotRules> rules, Optional<RobotsVerdict> blanket, Duration ttl) {
    }

    /**
     * @param productToken the User-Agent product token matched against robots groups (lower-case)
     * @param fetchRobots  fetches {@code <origin>/robots.txt} through the normal guarded, paced path
     * @param ticker       Caffeine's time source (fake in tests)
     */
    public RobotsCache(String productToken, Duration crawlDelayCap, Ticker ticker,
                       Function<URI, CompletableFuture<RobotsResponse>> fetchRobots) {
        this.productToken = productToken;
        this.crawlDelayCap = crawlDelayCap;
        this.fetchRobots = fetchRobots;
        this.cache = Caffeine.newBuilder()
                .ticker(ticker)
                .maximumSize(100_000)
                .expireAfter(Expiry.<String, HostRules>creating((key, value) -> value.ttl()))
                .build();
    }

    /** The verdict for {@code url}; completes after robots.txt is known for its origin. Never fails. */
    public CompletableFuture<RobotsVerdict> check(URI url) {
        String origin = origin(url);
        HostRules known = cache.getIfPresent(origin);
        if (known != null) {
            return CompletableFuture.completedFuture(verdict(known, url));
        }
        Waiters fresh = new Waiters();
        Waiters existing = pending.putIfAbsent(origin, fresh);
        Waiters waiters = existing == null ? fresh : existing;
        CompletableFuture<RobotsVerdict> verdict = waiters.add(url);
        if (existing == null) {
            fetchRobots.apply(URI.create(origin + "/robots.txt"))
                    .handle((response, error) -> rulesFrom(origin, response, error))
                    .thenAccept(rules -> {
                        try {
                            cache.put(origin, rules);
                        } finally {
                            // Waiters are always answered: a waiter left behind would hold its request forever.
                            pending.remove(origin, fresh);
                            fresh.complete(rules);
                        }
                    });
        }
        return verdict;
    }

    /**
     * Callers waiting for one origin's robots.txt, answered in arrival order (CompletableFuture would run its
     * dependents last-in first-out, letting later requests overtake earlier ones in the host's queue).
     */
    private final class Waiters {
        private final List<Map.Entry<URI, CompletableFuture<RobotsVerdict>>> waiting = new java.util.ArrayList<>();
        private Optional<HostRules> known = Optional.empty();

        synchronized CompletableFuture<RobotsVerdict> add(URI url) {
            if (known.isPresent()) {
                return CompletableFuture.completedFuture(verdict(known.get(), url));
            }
            CompletableFuture<RobotsVerdict> f = new CompletableFuture<>();
            waiting.add(Map.entry(url, f));
            return f;
        }

        void complete(HostRules rules) {
            List<Map.Entry<URI, CompletableFuture<RobotsVerdict>>> toAnswer;
            synchronized (this) {
                known = Optional.of(rules);
                toAnswer = List.copyOf(waiting);
                waiting.clear();
            }
            toAnswer.forEach(e -> e.getValue().complete(verdict(rules, e.getKey())));
        }
    }

    /** What the fetch outcome means; never throws (a robots.txt the parser chokes on counts as unavailable). */
    private HostRules rulesFrom(String origin, RobotsResponse response, Throwable error) {
        if (response == null) {
            return unavailable(origin, "robots.txt fetch failed: " + error);
        }
        try {
            return interpret(origin, response);
        } catch (RuntimeException e) {
            return unavailable(origin, "robots.txt could not be read: " + e);
        }
    }

    private HostRules interpret(String origin, RobotsResponse response) {
        if (response instanceof RobotsResponse.Found found) {
            failures.remove(origin);
            SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
            // We cap Crawl-delay ourselves; the parser's own cap would turn a long delay into "disallow all".
            parser.setMaxCrawlDelay(Long.MAX_VALUE);
            BaseRobotRules rules = parser.parseContent(origin + "/robots.txt", found.body(),
                    found.contentType(), List.of(productToken));
            return new HostRules(Optional.of(rules), Optional.empty(), FRESH_FOR);
        }
        if (response instanceof RobotsResponse.Unrestricted) {
            failures.remove(origin);
            return new HostRules(Optional.empty(), Optional.of(new RobotsVerdict.Allowed(Optional.empty())), FRESH_FOR);
        }
        if (response instanceof RobotsResponse.Refused refused) {
            return new HostRules(Optional.empty(),
                    Optional.of(new RobotsVerdict.Refused(refused.address(), refused.reason())), FIRST_RETRY);
        }
        return unavailable(origin, ((RobotsResponse.Unavailable) response).reason());
    }

    private HostRules unavailable(String origin, String reason) {
        int n = failures.merge(origin, 1, Integer::sum);
        Duration retryIn = FIRST_RETRY.multipliedBy(1L << Math.min(10, n - 1));
        if (retryIn.compareTo(MAX_RETRY) > 0) {
            retryIn = MAX_RETRY;
        }
        String why = reason + "; robots.txt unavailable means disallow all (RFC 9309), next try in "
                + retryIn.toSeconds() + " s";
        return new HostRules(Optional.empty(), Optional.of(new RobotsVerdict.Unavailable(why)), retryIn);
    }

    private RobotsVerdict verdict(HostRules known, URI url) {
        if (known.blanket().isPresent()) {
            return known.blanket().get();
        }
        BaseRobotRules rules = known.rules().orElseThrow();
        if (!rules.isAllowed(url.toString())) {
            return new RobotsVerdict.Denied("disallowed by " + origin(url) + "/robots.txt for '" + productToken + "'");
        }
        long delay = rules.getCrawlDelay();
        Optional<Duration> crawlDelay = delay > 0 && delay != BaseRobotRules.UNSET_CRAWL_DELAY
                ? Optional.of(min(Duration.ofMillis(delay), crawlDelayCap)) : Optional.empty();
        return new RobotsVerdict.Allowed(crawlDelay);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** scheme://host:port, the unit robots.txt applies to. */
    static String origin(URI url) {
        int port = url.getPort();
        String scheme = url.getScheme().toLowerCase(java.util.Locale.ROOT);
        String host = url.getHost().toLowerCase(java.util.Locale.ROOT);
        String authority = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return port < 0 ? scheme + "://" + authority : scheme + "://" + authority + ":" + port;
    }
}
