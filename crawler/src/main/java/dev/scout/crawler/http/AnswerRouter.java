package dev.scout.crawler.http;

import dev.scout.crawler.internal.politeness.RateLimitHeaders;
import dev.scout.crawler.internal.politeness.RetryAfter;
import dev.scout.crawler.internal.politeness.ServerQuota;
import dev.scout.crawler.internal.politeness.UsageHeaders;
import dev.scout.crawler.internal.politeness.UsageReport;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Decides what an attempt means: learns the server's limits from its headers ({@link #observe}, before the lane
 * re-plans), then ends the job or sends it on — redirect, retry after backoff, or wait out a 429 ({@link #route}).
 * Thread-safe (stateless apart from the flow it drives).
 */
final class AnswerRouter {
    private final FetchFlow flow;

    AnswerRouter(FetchFlow flow) {
        this.flow = flow;
    }

    /**
     * Feeds quota headers, usage percentages, 429s and 503 Retry-After into the host's pacer. Runs while the attempt
     * still counts as in flight.
     */
    void observe(FetchJob job, Attempt attempt) {
        if (!(attempt instanceof Attempt.Answer answer)) {
            return;
        }
        var now = flow.time().now();
        Optional<ServerQuota> quota = RateLimitHeaders.parse(answer::header, now);
        Optional<UsageReport> usage = UsageHeaders.parse(answer::header);
        int status = answer.status();
        Optional<Duration> retryAfter = status == 429 || status == 503
                ? RetryAfter.parse(answer.header("Retry-After").orElse(null), now) : Optional.empty();
        long cap = flow.settings().rateLimitWaitCap().toNanos();
        if (status == 429) {
            job.tooManyRequests++;
        }
        Optional<Duration> named = status == 429 ? tooManyWait(retryAfter, quota) : Optional.empty();
        long pauseNanos = status == 503 ? retryAfter.map(d -> Math.min(cap, d.toNanos())).orElse(0L) : 0L;
        // Read under the lane's lock with the rest, passed on outside it (the memory may be a database).
        OptionalDouble[] learned = {OptionalDouble.empty()};
        flow.scheduler().updatePacer(job.hostKey, (pacer, inFlight, t) -> {
            quota.ifPresent(q -> pacer.onQuota(q, t, Math.max(0, inFlight - 1)));
            usage.ifPresent(u -> pacer.onUsage(u, t, Math.max(0, inFlight - 1)));
            if (status == 429) {
                // No time named: back off from the host's current pace, not from a fixed schedule.
                job.lastTooManyWaitNanos = Math.min(cap, named.map(Duration::toNanos)
                        .orElseGet(() -> pacer.tooManyBackoffNanos(t, job.tooManyRequests,
                                flow.settings().retry().maxBackoff().toNanos())));
            }
            if (status == 429) {
                pacer.onTooManyRequests(t, job.lastTooManyWaitNanos);
            } else {
                pacer.onAnswer(t);
            }
            if (pauseNanos > 0) {
                pacer.pauseUntil(t + pauseNanos);
            }
            learned[0] = pacer.rateToReport();
        });
        learned[0].ifPresent(rate -> flow.rates().learned(job.hostKey, rate));
        if (status == 429) {
            flow.events().hostPaused(job.hostKey, Duration.ofNanos(job.lastTooManyWaitNanos), "429 Too Many Requests");
        } else if (pauseNanos > 0) {
            flow.events().hostPaused(job.hostKey, Duration.ofNanos(pauseNanos), "503 with Retry-After");
        } else if (quota.isPresent() && quota.get().remaining() == 0) {
            flow.events().hostPaused(job.hostKey, quota.get().resetIn(), "rate-limit quota spent until reset");
        }
    }

    /** Ends the job or sends it on. Runs after the attempt left the lane. */
    void route(FetchJob job, Attempt attempt) {
        URI url = job.request.url();
        if (attempt instanceof Attempt.Refused refused) {
            String hop = job.url.equals(url) ? "" : " (redirect hop " + job.url + ")";
            flow.finish(job, new FetchOutcome.AddressRefused(url, refused.address(),
                    refused.host() + " resolves to " + refused.address() + " (" + refused.reason() + ")" + hop));
        } else if (attempt instanceof Attempt.NotSent notSent) {
            // As a refusal by the permit: the crawl queues the profile again, for whoever owns the host now.
            flow.finish(job, new FetchOutcome.Failed(url, FetchOutcome.FailureKind.HOST_NOT_OWNED, OptionalInt.empty(),
                    notSent.reason(), job.retry.attempts() - 1));
        } else if (attempt instanceof Attempt.BodyRefused refused) {
            flow.finish(job, new FetchOutcome.Failed(url, refused.kind(), OptionalInt.of(refused.status()),
                    refused.detail(), job.retry.attempts()));
        } else if (attempt instanceof Attempt.TransportError error) {
            if (error.kind() == FetchOutcome.FailureKind.TIMEOUT) {
                flow.timeouts().timedOut(job.hostKey);
            }
            if (flow.timeouts().tooSlow(job.hostKey)) {
                flow.finish(job, flow.tooSlow(job));
                return;
            }
            retryOrFail(job, job.retry.afterError(error.error()), error.kind(), OptionalInt.empty(),
                    error.error().getClass().getSimpleName() + ": " + error.error().getMessage());
        } else if (attempt instanceof Attempt.Answer answer) {
            flow.timeouts().answered(job.hostKey);
            routeAnswer(job, answer);
        }
    }

    private void routeAnswer(FetchJob job, Attempt.Answer a) {
        URI url = job.request.url();
        int status = a.status();
        if (status >= 200 && status < 300) {
            FetchOutcome.Fetched fetched = new FetchOutcome.Fetched(url, status, a.headers(), a.body(), a.contentType());
            flow.cacheStore(job, fetched);
            flow.finish(job, fetched);
        } else if (status == 304) {
            flow.finish(job, flow.cached(job).<FetchOutcome>map(c -> new FetchOutcome.NotModified(url, c))
                    .orElseGet(() -> new FetchOutcome.Failed(url, FetchOutcome.FailureKind.INTERNAL, OptionalInt.of(304),
                            "304 Not Modified to a request that sent no validators", job.retry.attempts())));
        } else if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
            redirect(job, a);
        } else if (status == 404 || status == 410) {
            flow.finish(job, new FetchOutcome.Gone(url, status));
        } else if (status == 429) {
            waitOutTooMany(job);
        } else if (status >= 500) {
            retryOrFail(job, job.retry.afterResult(a), FetchOutcome.FailureKind.SERVER_ERROR, OptionalInt.of(status),
                    "HTTP " + status);
        } else {
            flow.finish(job, new FetchOutcome.Rejected(url, status, a.headers(), a.body()));
        }
    }

    private void waitOutTooMany(FetchJob job) {
        long wait = job.lastTooManyWaitNanos;
        long cap = flow.settings().rateLimitWaitCap().toNanos();
        if (job.rateLimitWaitNanos + wait > cap) {
            flow.finish(job, new FetchOutcome.Failed(job.request.url(), FetchOutcome.FailureKind.RATE_LIMITED,
                    OptionalInt.of(429), job.tooManyRequests + " answers 429; waiting longer would exceed the cap of "
                    + flow.settings().rateLimitWaitCap().toSeconds() + " s (crawl.rateLimitWaitCap)",
                    job.retry.attempts()));
            return;
        }
        job.rateLimitWaitNanos += wait;
        flow.events().retryScheduled(job.hostKey, job.url, job.retry.attempts(), Duration.ofNanos(wait), "HTTP 429");
        flow.requeue(job);
    }

    private void redirect(FetchJob job, Attempt.Answer a) {
        URI url = job.request.url();
        Optional<String> location = a.header("Location");
        if (location.isEmpty()) {
            flow.finish(job, new FetchOutcome.Rejected(url, a.status(), a.headers(), a.body()));
            return;
        }
        job.redirects++;
        if (job.redirects > flow.settings().maxRedirects()) {
            flow.finish(job, new FetchOutcome.Failed(url, FetchOutcome.FailureKind.TOO_MANY_REDIRECTS,
                    OptionalInt.of(a.status()), "more than " + flow.settings().maxRedirects()
                    + " redirects; the last pointed to " + location.get(), job.retry.attempts()));
            return;
        }
        URI next;
        try {
            next = job.url.resolve(location.get().trim());
        } catch (IllegalArgumentException e) {
            flow.finish(job, new FetchOutcome.Failed(url, FetchOutcome.FailureKind.INVALID_URL,
                    OptionalInt.of(a.status()), "redirect to an invalid URL: " + e.getMessage(), job.retry.attempts()));
            return;
        }
        job.moveTo(next);
        flow.admit(job);
    }

    private void retryOrFail(FetchJob job, Optional<Duration> delay, FetchOutcome.FailureKind kind,
                             OptionalInt status, String cause) {
        if (delay.isPresent() && !flow.closed()) {
            flow.events().retryScheduled(job.hostKey, job.url, job.retry.attempts(), delay.get(), cause);
            flow.retryLater(job, delay.get());
        } else {
            flow.finish(job, new FetchOutcome.Failed(job.request.url(), kind, status, cause, job.retry.attempts()));
        }
    }

    /** The wait a 429 names: Retry-After, else the advertised reset; empty when it names none. */
    private static Optional<Duration> tooManyWait(Optional<Duration> retryAfter, Optional<ServerQuota> quota) {
        if (retryAfter.isPresent()) {
            return retryAfter;
        }
        return quota.map(q -> q.resetIn().plusMillis(5));
    }
}
