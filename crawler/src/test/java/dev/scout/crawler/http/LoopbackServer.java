package dev.scout.crawler.http;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** WireMock on 127.0.0.1 with a robots.txt that allows everything unless a test stubs another one. */
final class LoopbackServer implements AutoCloseable {
    final WireMockServer wm;

    LoopbackServer() {
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(20));
        wm.start();
        wm.stubFor(get(urlEqualTo("/robots.txt")).atPriority(10).willReturn(aResponse().withStatus(404)));
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + wm.port() + path);
    }

    int port() {
        return wm.port();
    }

    /** Requests received for {@code path}, oldest first. */
    List<LoggedRequest> requestsTo(String path) {
        return wm.getAllServeEvents().stream()
                .map(e -> e.getRequest())
                .filter(r -> r.getUrl().equals(path))
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .toList();
    }

    /** Requests other than robots.txt, oldest first. */
    List<LoggedRequest> pageRequests() {
        return wm.getAllServeEvents().stream()
                .map(e -> e.getRequest())
                .filter(r -> !r.getUrl().equals("/robots.txt"))
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .toList();
    }

    /** Fast settings for loopback tests: private addresses allowed, short backoff, high default rate. */
    static FetcherSettingsBuilder settings() {
        return FetcherSettings.builder()
                .allowPrivateAddresses(true)
                .requestsPerSecond(200)
                .callTimeout(Duration.ofSeconds(5))
                .retry(new FetcherSettings.RetrySettings(4, Duration.ofMillis(10), Duration.ofMillis(40),
                        Duration.ofSeconds(5)));
    }

    @Override
    public void close() {
        wm.stop();
    }
}
