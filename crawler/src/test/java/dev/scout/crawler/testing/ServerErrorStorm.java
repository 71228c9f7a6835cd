package dev.scout.crawler.testing;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * TEST ONLY: a WireMock extension that answers the next {@code n} requests matching a path rule with a 5xx, then
 * lets the stubs answer again: an outage that passes.
 */
public final class ServerErrorStorm implements ResponseDefinitionTransformerV2 {
    private final AtomicInteger remaining = new AtomicInteger();
    private final AtomicInteger served = new AtomicInteger();
    private final Predicate<String> affects;
    private volatile int status = 503;

    /** @param affects which request URLs (path and query) the storm hits */
    public ServerErrorStorm(Predicate<String> affects) {
        this.affects = affects;
    }

    /** The next {@code n} affected requests answer {@code status}. */
    public void start(int n, int status) {
        this.status = status;
        remaining.set(n);
    }

    /** How many requests the storm answered. */
    public int served() {
        return served.get();
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        if (affects.test(serveEvent.getRequest().getUrl())
                && remaining.getAndUpdate(r -> Math.max(0, r - 1)) > 0) {
            served.incrementAndGet();
            return ResponseDefinitionBuilder.responseDefinition().withStatus(status).withBody("storm").build();
        }
        return serveEvent.getResponseDefinition();
    }

    @Override
    public String getName() {
        return "server-error-storm";
    }
}
