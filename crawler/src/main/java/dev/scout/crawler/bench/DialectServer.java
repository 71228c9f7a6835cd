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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback JSON API for issue 14's benchmark that enforces a {@link LimitRule} in one {@link Dialect} and answers
 * after a fixed latency (scheduled, not slept). Over the limit it answers 429 with the dialect's headers. Records
 * every arrival so the benchmark can count requests per second as the server saw them. Thread-safe.
 */
public final class DialectServer implements AutoCloseable {
    private static final byte[] BODY = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);

    static {
        // See RateLimitedServer: without TCP_NODELAY every answer would gain ~40 ms of delayed ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ScheduledExecutorService delays;
    private final LimitRule rule;
    private final long latencyMillis;
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong unanswered = new AtomicLong();
    private final List<Long> arrivals = new ArrayList<>();

    public DialectServer(Dialect dialect, int rate, long latencyMillis) {
        this.rule = new LimitRule(dialect, rate);
        this.latencyMillis = latencyMillis;
        this.delays = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "bench-dialect-latency");
            t.setDaemon(true);
            return t;
        });
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the benchmark server on loopback", e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "bench-dialect-http");
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

    /** Requests answered 429. */
    public long rejected() {
        return rejected.get();
    }

    /** Answers that could not be delivered because the client had gone. */
    public long unanswered() {
        return unanswered.get();
    }

    /** Arrival times ({@link System#nanoTime()}) of every request, in order. */
    public synchronized List<Long> arrivals() {
        return List.copyOf(arrivals);
    }

    private void handle(HttpExchange exchange) {
        long nanos = System.nanoTime();
        synchronized (this) {
            arrivals.add(nanos);
        }
        boolean robots = exchange.getRequestURI().getPath().equals("/robots.txt");
        LimitRule.Decision d = robots ? new LimitRule.Decision(true, Map.of()) : rule.decide(nanos, Instant.now());
        d.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        int status;
        if (!d.allowed()) {
            rejected.incrementAndGet();
            status = 429;
        } else {
            status = robots ? 404 : 200;
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
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
