package dev.scout.crawler.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fleet hook: the {@link HostPermit} is asked right before a request leaves, and a refusal sends nothing. */
class HostPermitHookTest {
    private final LoopbackServer server = new LoopbackServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private void stubProfile() {
        server.wm.stubFor(get(urlEqualTo("/api/v1/accounts/1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));
    }

    @Test
    void aRefusedHostGetsNoRequestAtAllAndTheFetchEndsAsHostNotOwned() throws Exception {
        stubProfile();
        HostPermit refuse = host -> new HostPermit.Decision.Refused("worker-b owns " + host);

        FetchOutcome outcome;
        try (OkHttpFetcher fetcher = OkHttpFetcher.builder(LoopbackServer.settings().build()).hostPermit(refuse).build()) {
            outcome = fetcher.fetchAndWait(FetchRequest.json(server.url("/api/v1/accounts/1"), "p"));
        }

        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FetchOutcome.FailureKind.HOST_NOT_OWNED);
            assertThat(f.cause()).contains("worker-b owns 127.0.0.1:" + server.port());
        });
        server.wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aLeaseLostBetweenQueueingAndSendingStopsTheRequestAtTheLastMoment() throws Exception {
        stubProfile();
        List<String> asked = new CopyOnWriteArrayList<>();
        AtomicInteger grants = new AtomicInteger(3); // admit of the profile, admit + send of robots.txt; then lost
        HostPermit losing = host -> {
            asked.add(host);
            return grants.getAndDecrement() > 0 ? new HostPermit.Decision.Granted(7)
                    : new HostPermit.Decision.Refused("lease on " + host + " taken over (token 8 > 7)");
        };

        FetchOutcome outcome;
        try (OkHttpFetcher fetcher = OkHttpFetcher.builder(LoopbackServer.settings().build()).hostPermit(losing).build()) {
            outcome = fetcher.fetchAndWait(FetchRequest.json(server.url("/api/v1/accounts/1"), "p"));
        }

        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Failed.class,
                f -> assertThat(f.kind()).isEqualTo(FetchOutcome.FailureKind.HOST_NOT_OWNED));
        server.wm.verify(1, getRequestedFor(urlEqualTo("/robots.txt")));
        server.wm.verify(0, getRequestedFor(urlEqualTo("/api/v1/accounts/1")));
        assertThat(asked).hasSize(4).containsOnly("127.0.0.1:" + server.port());
    }

    @Test
    void aGrantThatLapsesBeforeTheRequestIsWrittenSendsNothingAndEndsAsHostNotOwned() throws Exception {
        stubProfile();
        // The profile's send grant holds for no time at all: as if the process had been paused between the
        // permit's answer and the write for longer than the grant holds (SIGSTOP, a long GC pause).
        AtomicInteger grants = new AtomicInteger(); // admit of the profile, admit + send of robots.txt, then this
        HostPermit pausedAfterGrant = host -> new HostPermit.Decision.Granted(7,
                grants.incrementAndGet() > 3 ? Duration.ZERO : Duration.ofMinutes(1));

        FetchOutcome outcome;
        FetchStats stats;
        try (OkHttpFetcher fetcher = OkHttpFetcher.builder(LoopbackServer.settings().build())
                .hostPermit(pausedAfterGrant).build()) {
            outcome = fetcher.fetchAndWait(FetchRequest.json(server.url("/api/v1/accounts/1"), "p"));
            stats = fetcher.stats();
        }

        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FetchOutcome.FailureKind.HOST_NOT_OWNED);
            assertThat(f.cause()).contains("permit to send to 127.0.0.1:" + server.port() + " lapsed")
                    .contains("nothing was sent");
        });
        server.wm.verify(1, getRequestedFor(urlEqualTo("/robots.txt"))); // its grant held a minute
        server.wm.verify(0, getRequestedFor(urlEqualTo("/api/v1/accounts/1")));
        assertThat(stats.hosts().get("127.0.0.1:" + server.port()).requests())
                .as("requests counted as sent: robots.txt only").isEqualTo(1);
    }

    @Test
    void aGrantCannotHoldForANegativeTime() {
        assertThatThrownBy(() -> new HostPermit.Decision.Granted(7, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sendWithin");
    }

    @Test
    void theDefaultPermitLetsEveryRequestGo() throws Exception {
        stubProfile();
        try (OkHttpFetcher fetcher = OkHttpFetcher.builder(LoopbackServer.settings().build()).build()) {
            assertThat(fetcher.fetchAndWait(FetchRequest.json(server.url("/api/v1/accounts/1"), "p")))
                    .isInstanceOf(FetchOutcome.Fetched.class);
        }
        server.wm.verify(1, getRequestedFor(urlEqualTo("/api/v1/accounts/1")));
    }
}
