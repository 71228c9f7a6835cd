package dev.scout.simnet.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One simulated host: a JDK {@link HttpServer} on 127.0.0.1 with an ephemeral port that counts requests, applies
 * the platform's rate limit and optional faults, and answers through a {@link Route}; every 200 carries a strong
 * {@code ETag} and a matching {@code If-None-Match} gets a 304 without the body. A configured latency is
 * added by scheduling the reply, so no server thread sleeps. Thread-safe.
 */
public final class SimHost implements AutoCloseable {

    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private final String name;
    private final HttpServer server;
    private final Route route;
    private final Optional<FixedWindowLimiter> limiter;
    private final RateLimitStyle style;
    private final HostOptions options;
    private final SimResponse fault;
    private final ScheduledExecutorService scheduler;
    private final SplittableRandom faults;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong internalErrors = new AtomicLong();
    private final AtomicLong notModified = new AtomicLong();
    /** Monotonic time of the first and the last request received; MAX/MIN_VALUE before the first. */
    private final AtomicLong firstRequestNanos = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastRequestNanos = new AtomicLong(Long.MIN_VALUE);

    private SimHost(String name, HttpServer server, Route route, Optional<FixedWindowLimiter> limiter, RateLimitStyle style,
                    HostOptions options, SimResponse fault, ScheduledExecutorService scheduler) {
        this.name = name;
        this.server = server;
        this.route = route;
        this.limiter = limiter;
        this.style = style;
        this.options = options;
        this.fault = fault;
        this.scheduler = scheduler;
        this.faults = new SplittableRandom(options.faultSeed());
    }

    /**
     * Binds a new host on 127.0.0.1 and starts serving.
     *
     * @param name      label for errors and statistics (e.g. the simulated domain)
     * @param limiter   the rate limiter, empty for no limit
     * @param fault     the answer used for injected faults
     * @param executor  runs request handlers (owned by the caller)
     * @param scheduler delays replies when a latency is set (owned by the caller)
     * @throws UncheckedIOException when no port can be bound
     */
    public static SimHost start(String name, Route route, Optional<FixedWindowLimiter> limiter, RateLimitStyle style,
                                HostOptions options, SimResponse fault, ExecutorService executor,
                                ScheduledExecutorService scheduler) {
        enableNoDelay();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            SimHost host = new SimHost(name, server, route, limiter, style, options, fault, scheduler);
            server.createContext("/", host::serve);
            server.setExecutor(executor);
            server.start();
            return host;
        } catch (IOException e) {
            throw new UncheckedIOException("simulated host " + name + ": cannot bind a port on 127.0.0.1", e);
        }
    }

    /**
     * The JDK server writes headers and body separately; with Nagle's algorithm on, each response then waits for
     * the client's delayed ACK (~40 ms), which would make the simulator, not the crawler, the bottleneck. The
     * server only reads this switch when its configuration class loads, so it is set before the first server starts
     * unless the user already chose a value.
     */
    private static void enableNoDelay() {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    private void serve(HttpExchange exchange) {
        requests.incrementAndGet();
        long now = System.nanoTime();
        firstRequestNanos.accumulateAndGet(now, Math::min);
        lastRequestNanos.accumulateAndGet(now, Math::max);
        SimResponse response;
        try {
            java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> {
                if (k != null && !v.isEmpty()) {
                    headers.put(k, v.get(0));
                }
            });
            SimRequest request = SimRequest.of(exchange.getRequestMethod(), exchange.getRequestURI(),
                    exchange.getRemoteAddress().getAddress().getHostAddress(), headers);
            response = conditional(answer(request),
                    Optional.ofNullable(exchange.getRequestHeaders().getFirst("If-None-Match")));
        } catch (RuntimeException e) {
            // Task boundary: a bug in a route must not kill the server thread; it is counted and answered as 500.
            internalErrors.incrementAndGet();
            response = SimResponse.json(500, "{\"error\":\"Internal Server Error\"}");
        }
        SimResponse finalResponse = response;
        if (options.latency().isZero()) {
            send(exchange, finalResponse);
        } else {
            scheduler.schedule(() -> send(exchange, finalResponse), options.latency().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private SimResponse answer(SimRequest request) {
        if (limiter.isEmpty() || !style.applies(request.path())) {
            return route.handle(request);
        }
        RateDecision decision = limiter.get().acquire(request.clientKey());
        SimResponse response;
        if (!decision.allowed()) {
            response = style.rejection(decision);
        } else if (options.faultRate() > 0 && nextFault()) {
            response = fault;
        } else {
            response = route.handle(request);
        }
        return options.advertise() ? style.decorate(response, decision) : response;
    }

    /**
     * Tags every 200 with a strong ETag of its body and answers 304 without the body when the client already holds
     * it. The rate limit has been charged either way, as on a real server.
     */
    private SimResponse conditional(SimResponse response, Optional<String> ifNoneMatch) {
        if (response.status() != 200 || response.body().length == 0) {
            return response;
        }
        String etag = EntityTags.of(response.body());
        SimResponse tagged = response.withHeader("ETag", etag);
        if (!EntityTags.matches(ifNoneMatch, etag)) {
            return tagged;
        }
        notModified.incrementAndGet();
        return new SimResponse(304, tagged.contentType(), tagged.headers(), new byte[0]);
    }

    private boolean nextFault() {
        synchronized (faults) {
            return faults.nextDouble() < options.faultRate();
        }
    }

    private static void send(HttpExchange exchange, SimResponse response) {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            long length = head || response.body().length == 0 ? -1 : response.body().length;
            exchange.sendResponseHeaders(response.status(), length);
            if (length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        } catch (IOException e) {
            // The client went away before the reply was written; there is nobody left to tell.
            exchange.close();
        }
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String name() {
        return name;
    }

    /** Every request received, including rejected and failed ones. */
    public long requestCount() {
        return requests.get();
    }

    /**
     * When this host received its first and its last request, on this JVM's {@link System#nanoTime()} clock; empty
     * before the first request.
     */
    public Optional<RequestSpan> requestSpan() {
        long first = firstRequestNanos.get();
        return first == Long.MAX_VALUE ? Optional.empty() : Optional.of(new RequestSpan(first, lastRequestNanos.get()));
    }

    /** The first and the last request a host received, in {@link System#nanoTime()} units. */
    public record RequestSpan(long firstNanos, long lastNanos) {
        /** The span covering this one and {@code other}. */
        public RequestSpan union(RequestSpan other) {
            return new RequestSpan(Math.min(firstNanos, other.firstNanos), Math.max(lastNanos, other.lastNanos));
        }

        public Duration duration() {
            return Duration.ofNanos(lastNanos - firstNanos);
        }
    }

    /** Requests received after the rate-limit budget of their window was used up (answered 429). */
    public long requestsOverLimit() {
        return limiter.map(FixedWindowLimiter::overLimit).orElse(0L);
    }

    /** Requests answered 304 Not Modified because the client's {@code If-None-Match} named the current body. */
    public long notModifiedCount() {
        return notModified.get();
    }

    /** Requests a route failed on (answered 500); non-zero means a simulator bug. */
    public long internalErrors() {
        return internalErrors.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
