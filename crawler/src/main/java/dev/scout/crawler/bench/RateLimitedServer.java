package dev.scout.crawler.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback JSON API for the benchmark that allows {@code limit} requests per fixed one-second window (aligned to
 * the wall clock, as Mastodon aligns its buckets) and answers after a fixed latency. Over the limit it answers 429.
 * It either advertises its limit ({@code X-RateLimit-*}, Reset as ISO-8601 with microseconds) or stays silent and
 * only sends {@code Retry-After} (whole seconds, rounded up) with each 429. Responses are delayed by scheduling, not
 * by sleeping handler threads. Thread-safe.
 */
public final class RateLimitedServer implements AutoCloseable {
    private static final byte[] BODY = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
    private static final long WINDOW_MILLIS = 1000;

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm and the client's delayed ACK
        // every answer would gain ~40 ms and the benchmark would measure TCP, not the crawler. Read once by the JDK
        // when its server configuration class loads, so it must be set before the first server is created.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ScheduledExecutorService delays;
    private final int limit;
    private final long latencyMillis;
    private final boolean advertise;
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong unanswered = new AtomicLong();
    private final Object windowLock = new Object();
    private long windowStart;
    private int windowCount;

    /**
     * @param limit         requests allowed per one-second window
     * @param latencyMillis delay before each answer
     * @param advertise     send X-RateLimit-* headers on every answer
     */
    public RateLimitedServer(int limit, long latencyMillis, boolean advertise) {
        this.limit = limit;
        this.latencyMillis = latencyMillis;
        this.advertise = advertise;
        this.delays = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "bench-server-latency");
            t.setDaemon(true);
            return t;
        });
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the benchmark server on loopback", e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "bench-server-http");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** Base URL, e.g. {@code http://127.0.0.1:40123}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Requests answered 200 (robots.txt 404s included). */
    public long served() {
        return served.get();
    }

    /** Requests over the limit, answered 429. */
    public long rejected() {
        return rejected.get();
    }

    /** Answers that could not be delivered because the client had gone. */
    public long unanswered() {
        return unanswered.get();
    }

    private void handle(HttpExchange exchange) {
        long now = System.currentTimeMillis();
        long windowEnd;
        boolean allowed;
        int remaining;
        synchronized (windowLock) {
            long start = now - now % WINDOW_MILLIS;
            if (start != windowStart) {
                windowStart = start;
                windowCount = 0;
            }
            windowCount++;
            allowed = windowCount <= limit;
            remaining = Math.max(0, limit - windowCount);
            windowEnd = start + WINDOW_MILLIS;
        }
        if (advertise) {
            var h = exchange.getResponseHeaders();
            h.add("X-RateLimit-Limit", String.valueOf(limit));
            h.add("X-RateLimit-Remaining", String.valueOf(remaining));
            h.add("X-RateLimit-Reset", DateTimeFormatter.ISO_INSTANT.format(
                    Instant.ofEpochMilli(windowEnd).truncatedTo(ChronoUnit.MICROS)));
        }
        int status;
        if (!allowed) {
            rejected.incrementAndGet();
            long seconds = Math.max(1, (windowEnd - now + 999) / 1000);
            if (!advertise) {
                exchange.getResponseHeaders().add("Retry-After", String.valueOf(seconds));
            }
            status = 429;
        } else if (exchange.getRequestURI().getPath().equals("/robots.txt")) {
            served.incrementAndGet();
            status = 404;
        } else {
            served.incrementAndGet();
            status = 200;
        }
        delays.schedule(() -> respond(exchange, status), latencyMillis, TimeUnit.MILLISECONDS);
    }

    private void respond(HttpExchange exchange, int status) {
        try (exchange) {
            if (status == 200) {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, BODY.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(BODY);
                }
            } else {
                exchange.sendResponseHeaders(status, -1);
            }
        } catch (IOException e) {
            // The client went away (e.g. the fetcher was closed); counted so a broken run is visible.
            unanswered.incrementAndGet();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        delays.shutdownNow();
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
