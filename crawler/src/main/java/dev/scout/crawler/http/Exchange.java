package dev.scout.crawler.http;

import dev.scout.crawler.internal.guard.AddressRefusedException;
import dev.scout.crawler.internal.guard.ContentTypeCheck;
import dev.scout.crawler.internal.politeness.TimeSource;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Sends one GET through the shared OkHttp client, asynchronously, and turns whatever happens into an {@link Attempt}.
 * Bodies are streamed with a cap on decompressed bytes. Thread-safe.
 */
final class Exchange {
    /** 4xx bodies are kept for their error message only; more than this is never needed. */
    private static final long ERROR_BODY_CAP = 64 * 1024;
    private static final byte[] EMPTY = new byte[0];

    private final OkHttpClient client;
    private final long maxBodyBytes;
    private final TimeSource time;

    Exchange(OkHttpClient client, long maxBodyBytes, TimeSource time) {
        this.client = client;
        this.maxBodyBytes = maxBodyBytes;
        this.time = time;
    }

    /**
     * @param checkType whether a 2xx body must match {@code accept} (robots.txt is read whatever its type)
     * @param grant     the host permit's grant, checked again right before the request is written
     * @param done      receives the attempt exactly once, on an OkHttp thread
     */
    void send(URI url, String accept, Map<String, String> extraHeaders, boolean checkType, SendDeadline.Grant grant,
              Consumer<Attempt> done) {
        HttpUrl httpUrl = HttpUrl.get(url.toString());
        Request.Builder builder = new Request.Builder().url(httpUrl).header("Accept", accept).get()
                .tag(SendDeadline.Grant.class, grant);
        extraHeaders.forEach(builder::header);
        long started = time.nanoTime();
        client.newCall(builder.build()).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                done.accept(failure(e));
            }

            @Override
            public void onResponse(Call call, Response response) {
                Attempt attempt;
                try (response) {
                    attempt = read(response, accept, checkType, Duration.ofNanos(time.nanoTime() - started));
                } catch (IOException e) {
                    attempt = failure(e);
                } catch (RuntimeException e) {
                    // Reading must always end in an attempt: OkHttp only logs what a callback throws, and the
                    // request (and its lane slot) would never be released.
                    attempt = failure(new IOException("reading the response failed: " + e, e));
                }
                done.accept(attempt);
            }
        });
    }

    private Attempt read(Response response, String accept, boolean checkType, Duration elapsed) throws IOException {
        int status = response.code();
        var headers = response.headers().toMultimap();
        ResponseBody body = response.body();
        String contentType = response.header("Content-Type", "");
        boolean success = status >= 200 && status < 300;
        boolean plainClientError = status >= 400 && status < 500 && status != 429;
        if (!success && !plainClientError) {
            return new Attempt.Answer(status, headers, EMPTY, contentType, elapsed);
        }
        long cap = success ? maxBodyBytes : Math.min(maxBodyBytes, ERROR_BODY_CAP);
        if (success && body.contentLength() > cap) {
            return new Attempt.BodyRefused(status, headers, FetchOutcome.FailureKind.TOO_LARGE,
                    "Content-Length " + body.contentLength() + " exceeds the cap of " + cap + " bytes");
        }
        Buffer buffer = new Buffer();
        BufferedSource source = body.source();
        while (source.read(buffer, 8192) != -1) {
            if (buffer.size() > cap) {
                if (!success) {
                    break; // an error body is only informative: keep the first part
                }
                return new Attempt.BodyRefused(status, headers, FetchOutcome.FailureKind.TOO_LARGE,
                        "body exceeds the cap of " + cap + " bytes (after decompression)");
            }
        }
        // Checked after reading (capped) so that a body that breaks off mid-stream counts as the I/O error it is.
        if (success && checkType && !ContentTypeCheck.accepts(accept, contentType)) {
            return new Attempt.BodyRefused(status, headers, FetchOutcome.FailureKind.WRONG_CONTENT_TYPE,
                    "expected " + accept + " but the server sent '" + contentType + "'");
        }
        byte[] bytes = buffer.size() > cap ? buffer.readByteArray(cap) : buffer.readByteArray();
        return new Attempt.Answer(status, headers, bytes, contentType, elapsed);
    }

    private static Attempt failure(IOException e) {
        if (e instanceof SendDeadline.LapsedException) {
            return new Attempt.NotSent(e.getMessage());
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AddressRefusedException refused) {
                return new Attempt.Refused(refused.host(), refused.address(), refused.reason());
            }
            for (Throwable s : t.getSuppressed()) {
                if (s instanceof AddressRefusedException refused) {
                    return new Attempt.Refused(refused.host(), refused.address(), refused.reason());
                }
            }
        }
        boolean timeout = e instanceof SocketTimeoutException
                || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()));
        return new Attempt.TransportError(e, timeout ? FetchOutcome.FailureKind.TIMEOUT : FetchOutcome.FailureKind.IO);
    }
}
