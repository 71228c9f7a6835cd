package dev.scout.simnet;

import dev.scout.simnet.population.PopulationGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of a simulated network, validated once by {@link Builder#build()}. Immutable.
 *
 * <p>Defaults: seed 42, 1,200 accounts, instances {@code fika.example}, {@code fern.example}, {@code oat.example},
 * Mastodon budget 300 requests / 5 s per client per instance (advertised), Bluesky 3,000 / 5 min, no latency, no
 * faults, the system UTC clock, and "now" of the population = the start of the clock's current UTC day (so a
 * population is stable for a day; pass {@link Builder#referenceTime} for byte-identical runs on any day).
 *
 * @param seed              population seed
 * @param size              number of generated accounts ({@value #MIN_SIZE}..{@value #MAX_SIZE})
 * @param mastodonDomains   handle domains of the Mastodon instances
 * @param mastodonRateLimit budget per Mastodon instance, empty = unlimited
 * @param blueskyRateLimit  budget of the Bluesky AppView, empty = unlimited
 * @param latency           delay added to every response
 * @param faultRate         share of API requests answered 503 (0 = off)
 * @param clock             time source of the rate limiters
 * @param referenceTime     "now" of the generated population; empty = start of the clock's day
 * @param instagramCallsPerHour when present, about a third of the creators also get an Instagram account and a
 *                          simulated Instagram Graph host serves them, allowing this many calls per rolling hour
 *                          (Meta's Platform Rate Limit: 200 × app users); empty = no Instagram
 */
public record SimConfig(
        long seed,
        int size,
        List<String> mastodonDomains,
        Optional<RateLimitPolicy> mastodonRateLimit,
        Optional<RateLimitPolicy> blueskyRateLimit,
        Duration latency,
        double faultRate,
        Clock clock,
        Optional<Instant> referenceTime,
        java.util.OptionalInt instagramCallsPerHour) {

    public SimConfig(long seed, int size, List<String> mastodonDomains, Optional<RateLimitPolicy> mastodonRateLimit,
                     Optional<RateLimitPolicy> blueskyRateLimit, Duration latency, double faultRate, Clock clock,
                     Optional<Instant> referenceTime) {
        this(seed, size, mastodonDomains, mastodonRateLimit, blueskyRateLimit, latency, faultRate, clock, referenceTime,
                java.util.OptionalInt.empty());
    }

    /** Fewest accounts: below this the niches and the funnel have too few members to mean anything. */
    public static final int MIN_SIZE = PopulationGenerator.MIN_SIZE;
    /** Most accounts: the whole population lives in memory (about 25 KiB per account with its posts). */
    public static final int MAX_SIZE = PopulationGenerator.MAX_SIZE;

    public SimConfig {
        mastodonDomains = List.copyOf(mastodonDomains);
        Objects.requireNonNull(mastodonRateLimit, "mastodonRateLimit");
        Objects.requireNonNull(blueskyRateLimit, "blueskyRateLimit");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(referenceTime, "referenceTime");
        Objects.requireNonNull(instagramCallsPerHour, "instagramCallsPerHour");
    }

    public static SimConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Mutable, single-use builder; not thread-safe. */
    public static final class Builder {
        private long seed = 42;
        private int size = 1_200;
        private List<String> domains = List.of("fika.example", "fern.example", "oat.example");
        private Optional<RateLimitPolicy> mastodon = Optional.of(RateLimitPolicy.mastodonDemo());
        private Optional<RateLimitPolicy> bluesky = Optional.of(RateLimitPolicy.blueskyDefault());
        private Duration latency = Duration.ZERO;
        private double faultRate;
        private Clock clock = Clock.systemUTC();
        private Optional<Instant> referenceTime = Optional.empty();
        private java.util.OptionalInt instagram = java.util.OptionalInt.empty();

        private Builder() {
        }

        public Builder seed(long v) { this.seed = v; return this; }
        public Builder size(int v) { this.size = v; return this; }
        public Builder mastodonDomains(List<String> v) { this.domains = v; return this; }

        /** The Mastodon instances' budget: {@code limit} requests per {@code window} per client, headers sent or not. */
        public Builder rateLimit(int limit, Duration window, boolean advertise) {
            this.mastodon = Optional.of(new RateLimitPolicy(limit, window, advertise));
            return this;
        }

        /** No rate limit on the Mastodon instances. */
        public Builder noRateLimit() { this.mastodon = Optional.empty(); return this; }
        public Builder blueskyRateLimit(int limit, Duration window, boolean advertise) {
            this.bluesky = Optional.of(new RateLimitPolicy(limit, window, advertise));
            return this;
        }
        public Builder noBlueskyRateLimit() { this.bluesky = Optional.empty(); return this; }
        public Builder latency(Duration v) { this.latency = v; return this; }
        public Builder faultRate(double v) { this.faultRate = v; return this; }
        public Builder clock(Clock v) { this.clock = v; return this; }
        public Builder referenceTime(Instant v) { this.referenceTime = Optional.ofNullable(v); return this; }

        /** Adds Instagram accounts and a simulated Graph host allowing {@code callsPerHour} calls per rolling hour. */
        public Builder instagram(int callsPerHour) { this.instagram = java.util.OptionalInt.of(callsPerHour); return this; }

        /** Validates every setting and reports all problems together. */
        public SimConfig build() {
            List<String> problems = new ArrayList<>();
            if (size < MIN_SIZE || size > MAX_SIZE) {
                problems.add("size: must be between " + MIN_SIZE + " and " + MAX_SIZE + " (got " + size + ")");
            }
            if (domains == null || domains.isEmpty()) {
                problems.add("mastodonDomains: at least one domain is needed (got none)");
            } else {
                for (String d : domains) {
                    if (d == null || !d.matches("[a-z0-9-]+(\\.[a-z0-9-]+)*\\.example")) {
                        problems.add("mastodonDomains: '" + d + "' must be a lower-case *.example name");
                    }
                }
                if (domains.stream().distinct().count() != domains.size()) {
                    problems.add("mastodonDomains: must be distinct (got " + domains + ")");
                }
            }
            mastodon.ifPresent(p -> check("rateLimit", p, problems));
            bluesky.ifPresent(p -> check("blueskyRateLimit", p, problems));
            if (latency == null || latency.isNegative()) {
                problems.add("latency: must be >= 0 (got " + latency + ")");
            }
            if (!(faultRate >= 0 && faultRate <= 1)) {
                problems.add("faultRate: must be between 0 and 1 (got " + faultRate + ")");
            }
            if (instagram.isPresent() && instagram.getAsInt() < 1) {
                problems.add("instagram: calls per hour must be >= 1 (got " + instagram.getAsInt() + ")");
            }
            if (clock == null) {
                problems.add("clock: must be set (got null)");
            }
            if (!problems.isEmpty()) {
                throw new InvalidSimConfigException(problems);
            }
            return new SimConfig(seed, size, domains, mastodon, bluesky, latency, faultRate, clock, referenceTime,
                    instagram);
        }

        private static void check(String key, RateLimitPolicy p, List<String> problems) {
            if (p.limit() < 1) {
                problems.add(key + ".limit: must be >= 1 (got " + p.limit() + ")");
            }
            if (p.window().toMillis() < 1) {
                problems.add(key + ".window: must be >= 1 ms (got " + p.window() + ")");
            }
        }
    }
}
