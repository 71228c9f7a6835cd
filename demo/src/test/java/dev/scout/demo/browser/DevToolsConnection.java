package dev.scout.demo.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One WebSocket to Chromium's DevTools endpoint (the Chrome DevTools Protocol over OkHttp; no driver binary).
 * Commands are matched to replies by id; events are handed to waiters registered before the action that causes
 * them. Thread-safe. Test helper.
 */
final class DevToolsConnection implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One event waiter: which event, on which session, and what to complete. */
    private record Waiter(String method, String sessionId, Predicate<JsonNode> accepts, CompletableFuture<JsonNode> done) {
    }

    /** A listener for every {@code method} event on a session. */
    private record Subscriber(String method, String sessionId, Consumer<JsonNode> listener) {
    }

    private final OkHttpClient client;
    private final WebSocket socket;
    private final Duration timeout;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<Waiter> waiters = new CopyOnWriteArrayList<>();
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private volatile Throwable broken;

    private DevToolsConnection(String webSocketUrl, Duration timeout) {
        this.timeout = timeout;
        this.client = new OkHttpClient.Builder().readTimeout(Duration.ZERO).build();
        this.socket = client.newWebSocket(new Request.Builder().url(webSocketUrl).build(), new Listener());
    }

    /** Connects to {@code webSocketUrl} ({@code ws://127.0.0.1:PORT/devtools/browser/ID}). */
    static DevToolsConnection open(String webSocketUrl, Duration timeout) throws IOException {
        DevToolsConnection c = new DevToolsConnection(webSocketUrl, timeout);
        await(c.opened, timeout, "connect to Chromium's DevTools at " + webSocketUrl);
        return c;
    }

    /** Sends {@code method} to {@code sessionId} (null: the browser itself) and waits for its result. */
    JsonNode call(String sessionId, String method, ObjectNode params) throws IOException {
        return await(send(sessionId, method, params), timeout, method);
    }

    /** Sends without waiting; the future completes with the result or fails with the protocol's error. */
    CompletableFuture<JsonNode> send(String sessionId, String method, ObjectNode params) throws IOException {
        if (broken != null) {
            throw new IOException("the DevTools connection is closed: " + broken.getMessage(), broken);
        }
        long id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params == null ? JSON.createObjectNode() : params);
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        if (!socket.send(message.toString())) {
            pending.remove(id);
            throw new IOException("could not send " + method + " to Chromium: the WebSocket is closing");
        }
        return reply;
    }

    /** A future for the next {@code method} event on {@code sessionId} whose params {@code accepts}; arm it first. */
    CompletableFuture<JsonNode> next(String method, String sessionId, Predicate<JsonNode> accepts) {
        CompletableFuture<JsonNode> done = new CompletableFuture<>();
        Waiter w = new Waiter(method, sessionId, accepts, done);
        waiters.add(w);
        done.whenComplete((v, e) -> waiters.remove(w));
        return done;
    }

    /** Calls {@code listener} (on the socket's thread) with the params of every {@code method} event on {@code sessionId}. */
    void subscribe(String method, String sessionId, Consumer<JsonNode> listener) {
        subscribers.add(new Subscriber(method, sessionId, listener));
    }

    static ObjectNode params() {
        return JSON.createObjectNode();
    }

    /** Waits for {@code future} at most {@code timeout}; {@code what} names the wait in the error. */
    static <T> T await(CompletableFuture<T> future, Duration timeout, String what) throws IOException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException("Chromium did not answer '" + what + "' within " + timeout.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new IOException("'" + what + "' failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for '" + what + "'", e);
        }
    }

    @Override
    public void close() {
        socket.close(1000, "done");
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    private final class Listener extends WebSocketListener {
        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            opened.complete(null);
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            JsonNode message;
            try {
                message = JSON.readTree(text);
            } catch (IOException e) {
                fail(new IOException("Chromium sent a message that is not JSON: " + text, e));
                return;
            }
            if (message.has("id")) {
                CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asLong());
                if (reply == null) {
                    return;
                }
                if (message.has("error")) {
                    reply.completeExceptionally(new IOException(message.get("error").toString()));
                } else {
                    reply.complete(message.path("result"));
                }
                return;
            }
            String method = message.path("method").asText();
            String session = message.path("sessionId").asText(null);
            JsonNode params = message.path("params");
            for (Waiter w : waiters) {
                if (w.method().equals(method) && java.util.Objects.equals(w.sessionId(), session)
                        && w.accepts().test(params)) {
                    w.done().complete(params);
                }
            }
            for (Subscriber s : subscribers) {
                if (s.method().equals(method) && java.util.Objects.equals(s.sessionId(), session)) {
                    s.listener().accept(params);
                }
            }
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            fail(t);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            fail(new IOException("Chromium closed the DevTools connection (" + code + " " + reason + ")"));
        }

        private void fail(Throwable t) {
            broken = t;
            opened.completeExceptionally(t);
            pending.values().forEach(f -> f.completeExceptionally(t));
            pending.clear();
            waiters.forEach(w -> w.done().completeExceptionally(t));
        }
    }
}
