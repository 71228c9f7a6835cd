package dev.scout.store.postgres.fleet;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hosts on 127.0.0.1 (one port each), each allowing {@code perSecond} requests per second, that log every request:
 * which worker sent it (its User-Agent names it) and when (monotonic nanos); see {@link #overLimit()}.
 */
final class RateLimitedHosts implements AutoCloseable {
    /** One request a host received. */
    record Hit(int host, String path, String worker, long atNanos) {
    }

    private final List<HttpServer> servers = new ArrayList<>();
    private final List<ConcurrentLinkedQueue<Hit>> hits = new ArrayList<>();
    private final List<AtomicInteger> inFlight = new ArrayList<>();
    private final AtomicInteger overlaps = new AtomicInteger();
    private final ExecutorService pool = Executors.newFixedThreadPool(16, r -> new Thread(r, "test-host"));
    private final double perSecond;

    RateLimitedHosts(int count, double perSecond) throws IOException {
        this.perSecond = perSecond;
        for (int i = 0; i < count; i++) {
            int host = i;
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            ConcurrentLinkedQueue<Hit> log = new ConcurrentLinkedQueue<>();
            AtomicInteger busy = new AtomicInteger();
            s.createContext("/", ex -> answer(host, ex, log, busy));
            s.setExecutor(pool);
            s.start();
            servers.add(s);
            hits.add(log);
            inFlight.add(busy);
        }
    }

    private void answer(int host, HttpExchange ex, ConcurrentLinkedQueue<Hit> log, AtomicInteger busy)
            throws IOException {
        if (busy.incrementAndGet() > 1) {
            overlaps.incrementAndGet();
        }
        try {
            String ua = String.valueOf(ex.getRequestHeaders().getFirst("User-Agent"));
            String worker = ua.replaceAll(".*worker=([A-Za-z0-9-]+).*", "$1");
            String path = ex.getRequestURI().getPath();
            log.add(new Hit(host, path, worker, System.nanoTime()));
            byte[] body;
            int status;
            if (path.equals("/robots.txt")) {
                status = 404;
                body = new byte[0];
            } else {
                status = 200;
                body = ("{\"path\":\"" + path + "\"}").getBytes(StandardCharsets.UTF_8);
            }
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        } finally {
            busy.decrementAndGet();
            ex.close();
        }
    }

    int port(int host) {
        return servers.get(host).getAddress().getPort();
    }

    int count() {
        return servers.size();
    }

    /** Every request to {@code host}, in arrival order. */
    List<Hit> hits(int host) {
        return List.copyOf(hits.get(host));
    }

    /**
     * Requests over a host's limit, summed over hosts: a request is over when more than {@code floor(perSecond) + 1}
     * requests (the fence post of a pacer at exactly the limit) fell on its host within one second ending with it;
     * plus requests that arrived while another request to the same host was being answered.
     */
    long overLimit() {
        int allowed = (int) Math.floor(perSecond) + 1;
        long over = 0;
        for (int h = 0; h < servers.size(); h++) {
            List<Hit> list = hits(h);
            for (int i = allowed; i < list.size(); i++) {
                if (list.get(i).atNanos() - list.get(i - allowed).atNanos() < 1_000_000_000L) {
                    over++;
                }
            }
        }
        return over + overlaps.get();
    }

    @Override
    public void close() {
        servers.forEach(s -> s.stop(0));
        pool.shutdownNow();
    }
}
