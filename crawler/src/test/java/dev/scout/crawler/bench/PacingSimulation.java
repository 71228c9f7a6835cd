package dev.scout.crawler.bench;

import dev.scout.crawler.internal.politeness.HostPacer;
import dev.scout.crawler.internal.politeness.RateLimitHeaders;
import dev.scout.crawler.internal.politeness.RetryAfter;
import dev.scout.crawler.internal.politeness.ServerQuota;
import dev.scout.crawler.internal.politeness.UsageHeaders;
import dev.scout.crawler.internal.politeness.UsageReport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * The crawl benchmark on a simulated clock: one host's {@link HostPacer} against a {@link LimitRule}, with a fixed
 * latency and the fetcher's handling of answers (quota, usage, 429 with or without Retry-After), but no sockets and
 * no waiting. Runs 1,000 requests in milliseconds, so the pacing targets can be checked in every build.
 */
final class PacingSimulation {
    static final long MS = 1_000_000L;
    static final long S = 1_000 * MS;
    static boolean TRACE = Boolean.getBoolean("trace");
    private static final Instant WALL_ZERO = Instant.parse("2026-12-04T15:00:00.250Z");

    /**
     * @param maxPerSecond          most requests started in one second (from the first request), 429s included
     * @param maxPerSecondAfterFirst the same without the first second, where the configured rate meets the burst
     */
    record Result(long spanNanos, int tooMany, int maxPerSecond, int maxPerSecondAfterFirst, int requests,
                  List<Integer> tooManyAtRequest, List<Double> reportedRates) {
        /** 429 answers drawn by the first {@code k} requests sent (re-sends of a rejected request count again). */
        long tooManyInFirst(int k) {
            return tooManyAtRequest.stream().filter(i -> i < k).count();
        }

        /** The last rate the pacer reported as learned (NaN when it reported none). */
        double lastReported() {
            return reportedRates.isEmpty() ? Double.NaN : reportedRates.get(reportedRates.size() - 1);
        }

        double ratio(int rate, int n) {
            return spanNanos / ((n - LimitRule.BURST) * 1e9 / rate);
        }
    }

    private record InFlight(long answerAt, int id, int sent, LimitRule.Decision decision) {
    }

    static Result run(Dialect dialect, int rate, int n, long latencyNanos, int maxInFlight) {
        return run(dialect, rate, n, latencyNanos, maxInFlight, 0, 1);
    }

    /** As above, with each answer's latency stretched by up to {@code jitterNanos} (seeded, uniform). */
    static Result run(Dialect dialect, int rate, int n, long latencyNanos, int maxInFlight, long jitterNanos,
                      long seed) {
        return run(dialect, rate, n, latencyNanos, maxInFlight, jitterNanos, seed, 4.0 * rate, OptionalDouble.empty());
    }

    /**
     * A host taken over by a new owner: the pacer configured at {@code configured} req/s starts from the rate
     * remembered from the previous owner, when given, against a fresh server of the same limit.
     */
    static Result takeOver(Dialect dialect, int rate, int n, double configured, OptionalDouble remembered) {
        return run(dialect, rate, n, 20 * MS, 2, 0, 1, configured, remembered);
    }

    private static Result run(Dialect dialect, int rate, int n, long latencyNanos, int maxInFlight, long jitterNanos,
                              long seed, double configured, OptionalDouble remembered) {
        java.util.Random random = new java.util.Random(seed);
        LimitRule rule = new LimitRule(dialect, rate);
        HostPacer pacer = new HostPacer(configured, 80, Duration.ofSeconds(LimitRule.WINDOW_SECONDS));
        remembered.ifPresent(r -> pacer.startFrom(r, 0));
        List<Integer> tooManyAtRequest = new ArrayList<>();
        List<Double> reported = new ArrayList<>();
        PriorityQueue<InFlight> inFlight = new PriorityQueue<>((a, b) -> Long.compare(a.answerAt(), b.answerAt()));
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pending.add(i);
        }
        Map<Integer, Integer> tooManyOf = new HashMap<>();
        Map<Long, Integer> perSecond = new TreeMap<>();
        long t = 0;
        long first = -1;
        long last = 0;
        int done = 0;
        int tooMany = 0;
        int requests = 0;
        long loops = 0;
        while (done < n) {
            if (++loops > 50_000_000L) {
                throw new IllegalStateException("no progress at " + t + " earliest " + pacer.earliestStart(t)
                        + " interval " + pacer.intervalNanos(t) + " in flight " + inFlight.size() + " done " + done);
            }
            long startAt = inFlight.size() < maxInFlight && !pending.isEmpty()
                    ? Math.max(t, pacer.earliestStart(t)) : Long.MAX_VALUE;
            long answerAt = inFlight.isEmpty() ? Long.MAX_VALUE : inFlight.peek().answerAt();
            if (startAt == Long.MAX_VALUE && answerAt == Long.MAX_VALUE) {
                throw new IllegalStateException("stuck at " + t);
            }
            if (startAt <= answerAt) {
                if (TRACE && startAt - t > 5 * S) {
                    System.out.printf("  stall at %.2f until %.2f, interval %.3f, in flight %d%n", t / 1e9,
                            startAt / 1e9, pacer.intervalNanos(t) / 1e9, inFlight.size());
                }
                t = startAt;
                if (pacer.earliestStart(t) > t) {
                    continue; // the pacer moved its mind (time passed): ask again
                }
                int id = pending.remove(0);
                pacer.onStart(t);
                requests++;
                first = first < 0 ? t : first;
                perSecond.merge((t - first) / S, 1, Integer::sum);
                long jitter = jitterNanos > 0 ? (long) (random.nextDouble() * jitterNanos) : 0;
                long serverAt = t + latencyNanos / 2 + jitter / 2;
                inFlight.add(new InFlight(t + latencyNanos + jitter, id, requests - 1,
                        rule.decide(serverAt, wall(serverAt))));
            } else {
                t = answerAt;
                InFlight a = inFlight.poll();
                int others = inFlight.size();
                Map<String, String> ci = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                ci.putAll(a.decision().headers());
                Instant wall = wall(t);
                Optional<ServerQuota> quota = RateLimitHeaders.parse(name -> Optional.ofNullable(ci.get(name)), wall);
                Optional<UsageReport> usage = UsageHeaders.parse(name -> Optional.ofNullable(ci.get(name)));
                long now = t;
                quota.ifPresent(q -> pacer.onQuota(q, now, others));
                usage.ifPresent(u -> pacer.onUsage(u, now, others));
                if (TRACE && usage.isPresent() && done % 20 == 0) {
                    System.out.printf("  t %.2f usage %d rate %.2f others %d%n", t / 1e9, usage.get().percent(),
                            pacer.sustainedRate(t), others);
                }
                if (a.decision().allowed()) {
                    pacer.onAnswer(t);
                    done++;
                    last = t;
                } else {
                    tooMany++;
                    tooManyAtRequest.add(a.sent());
                    int count = tooManyOf.merge(a.id(), 1, Integer::sum);
                    Optional<Duration> named = RetryAfter.parse(ci.get("Retry-After"), wall)
                            .or(() -> quota.map(q -> q.resetIn().plusMillis(5)));
                    long wait = named.map(Duration::toNanos)
                            .orElseGet(() -> pacer.tooManyBackoffNanos(now, count, 30 * S));
                    pacer.onTooManyRequests(t, wait);
                    if (TRACE) {
                        System.out.printf("  429 at %.3f wait %.3f rate now %.2f%n", t / 1e9, wait / 1e9,
                                pacer.sustainedRate(t));
                    }
                    pending.add(0, a.id());
                }
                pacer.rateToReport().ifPresent(reported::add);
            }
        }
        int max = perSecond.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        int maxAfterFirst = perSecond.entrySet().stream().filter(e -> e.getKey() > 0)
                .mapToInt(Map.Entry::getValue).max().orElse(0);
        return new Result(last - first, tooMany, max, maxAfterFirst, requests, tooManyAtRequest, reported);
    }

    private static Instant wall(long nanos) {
        return WALL_ZERO.plusNanos(nanos);
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("takeover")) {
            for (Dialect d : Dialect.values()) {
                Result a = takeOver(d, 3, 400, 20, OptionalDouble.empty());
                Result b = takeOver(d, 3, 100, 20, OptionalDouble.of(a.lastReported()));
                Result fresh = takeOver(d, 3, 100, 20, OptionalDouble.empty());
                System.out.printf("%-16s A reported %s; first 50: 429s %d with it, %d without; span of 100 %.1f s vs %.1f s%n",
                        d, a.reportedRates(), b.tooManyInFirst(50), fresh.tooManyInFirst(50), b.spanNanos() / 1e9,
                        fresh.spanNanos() / 1e9);
            }
            return;
        }
        for (Dialect d : args.length > 0 ? new Dialect[] {Dialect.valueOf(args[0])} : Dialect.values()) {
            for (int rate : new int[] {10, 20}) {
                Result r = run(d, rate, 1000, 20 * MS, 2, Long.getLong("jitterMs", 0) * MS, 1);
                System.out.printf("%-16s R=%2d span %.2f s ratio %.3f 429s %d max/s %d (%d after the first) requests %d%n",
                        d, rate, r.spanNanos() / 1e9, r.ratio(rate, 1000), r.tooMany(), r.maxPerSecond(),
                        r.maxPerSecondAfterFirst(), r.requests());
            }
        }
    }
}
