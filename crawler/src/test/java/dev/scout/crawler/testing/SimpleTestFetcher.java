package dev.scout.crawler.testing;

import dev.scout.crawler.http.FetchOutcome;
import dev.scout.crawler.http.FetchRequest;
import dev.scout.crawler.http.FetchStats;
import dev.scout.crawler.http.Fetcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * TEST ONLY: a plain GET over OkHttp mapped to {@link FetchOutcome}, without pacing, retries or robots.txt, so adapter
 * tests can run against WireMock on 127.0.0.1 before (and independently of) the real fetch layer.
 */
public final class SimpleTestFetcher implements Fetcher {
    private final OkHttpClient client = new OkHttpClient.Builder().followRedirects(true).build();
    private final AtomicLong requests = new AtomicLong();

    @Override
    public CompletableFuture<FetchOutcome> fetch(FetchRequest request) {
        requests.incrementAndGet();
        Request.Builder builder = new Request.Builder().url(request.url().toString()).header("Accept", request.accept());
        request.credentials().forEach(builder::header);
        Request req = builder.build();
        try (Response res = client.newCall(req).execute()) {
            int code = res.code();
            byte[] body = res.body().bytes();
            Map<String, List<String>> headers = res.headers().toMultimap();
            FetchOutcome outcome;
            if (code >= 200 && code < 300) {
                outcome = new FetchOutcome.Fetched(request.url(), code, headers, body,
                        res.header("Content-Type", ""));
            } else if (code == 404 || code == 410) {
                outcome = new FetchOutcome.Gone(request.url(), code);
            } else if (code == 429) {
                outcome = new FetchOutcome.Failed(request.url(), FetchOutcome.FailureKind.RATE_LIMITED,
                        OptionalInt.of(code), "429", 1);
            } else if (code >= 400 && code < 500) {
                outcome = new FetchOutcome.Rejected(request.url(), code, headers, body);
            } else {
                outcome = new FetchOutcome.Failed(request.url(), FetchOutcome.FailureKind.SERVER_ERROR,
                        OptionalInt.of(code), "HTTP " + code, 1);
            }
            return CompletableFuture.completedFuture(outcome);
        } catch (IOException e) {
            return CompletableFuture.completedFuture(new FetchOutcome.Failed(request.url(),
                    FetchOutcome.FailureKind.IO, OptionalInt.empty(), e.toString(), 1));
        }
    }

    /** Requests sent so far. */
    public long requests() {
        return requests.get();
    }

    @Override
    public FetchStats stats() {
        return new FetchStats(Map.of());
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
