package dev.scout.crawler.http;

import okhttp3.Dns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/** robots.txt handling and the SSRF address guard, including on redirect hops. */
class RobotsAndGuardTest {
    private final LoopbackServer server = new LoopbackServer();
    private OkHttpFetcher fetcher;

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    private void robots(int status, String body) {
        server.wm.stubFor(get(urlEqualTo("/robots.txt")).atPriority(1)
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "text/plain").withBody(body)));
        server.wm.stubFor(get(urlPathMatching("/(public|private)/.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));
    }

    @Test
    void disallowedPathIsNeverFetchedAndAllowedPathIs() throws Exception {
        fetcher = OkHttpFetcher.builder(LoopbackServer.settings().build()).build();
        robots(200, "User-agent: scout\nDisallow: /private/\n\nUser-agent: *\nDisallow: /\n");

        FetchOutcome denied = fetcher.fetchAndWait(FetchRequest.json(server.url("/private/x"), "t"));
        FetchOutcome allowed = fetcher.fetchAndWait(FetchRequest.json(server.url("/public/x"), "t"));

        assertThat(denied).isInstanceOfSatisfying(FetchOutcome.RobotsDenied.class,
                d -> assertThat(d.reason()).contains("robots.txt").contains("scout"));
        assertThat(allowed).isInstanceOf(FetchOutcome.Fetched.class);
        assertThat(server.requestsTo("/private/x")).isEmpty();
        assertThat(server.requestsTo("/robots.txt")).hasSize(1);
    }

    @Test
    void robotsClientErrorMeansAllowAll() throws Exception {
        fetcher = OkHttpFetcher.builder(LoopbackServer.settings().build()).build();
        robots(403, "");

        assertThat(fetcher.fetchAndWait(FetchRequest.json(server.url("/private/x"), "t")))
                .isInstanceOf(FetchOutcome.Fetched.class);
    }

    @Test
    void robotsServerErrorMeansDisallowAllForNowAfterRetries() throws Exception {
        fetcher = OkHttpFetcher.builder(LoopbackServer.settings().build()).build();
        robots(503, "");

        FetchOutcome outcome = fetcher.fetchAndWait(FetchRequest.json(server.url("/public/x"), "t"));

        // RFC 9309: an unreachable robots.txt disallows everything for now -- a transient failure, not a rule.
        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FetchOutcome.FailureKind.ROBOTS_UNAVAILABLE);
            assertThat(f.cause()).contains("unavailable").contains("503");
        });
        assertThat(server.requestsTo("/public/x")).isEmpty();
        assertThat(server.requestsTo("/robots.txt")).hasSize(4);
    }

    @Test
    void robotsIsFetchedOnceForManyConcurrentRequests() {
        fetcher = OkHttpFetcher.builder(LoopbackServer.settings().build()).build();
        robots(200, "User-agent: *\nAllow: /\n");

        List<FetchOutcome> outcomes = java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> fetcher.fetch(FetchRequest.json(server.url("/public/" + i), "t")))
                .toList().stream().map(java.util.concurrent.CompletableFuture::join).toList();

        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(FetchOutcome.Fetched.class));
        assertThat(server.requestsTo("/robots.txt")).hasSize(1);
    }

    @Test
    void crawlDelaySlowerThanOurRateIsHonoured() {
        fetcher = OkHttpFetcher.builder(LoopbackServer.settings().build()).build();
        robots(200, "User-agent: scout\nCrawl-delay: 1\nAllow: /\n");

        List.of("/public/1", "/public/2").stream().map(p -> fetcher.fetch(FetchRequest.json(server.url(p), "t")))
                .toList().forEach(java.util.concurrent.CompletableFuture::join);

        long first = server.requestsTo("/public/1").get(0).getLoggedDate().getTime();
        long second = server.requestsTo("/public/2").get(0).getLoggedDate().getTime();
        assertThat(Math.abs(second - first)).isGreaterThanOrEqualTo(1000 - PacingTest.ARRIVAL_JITTER_MS);
    }

    /** Maps every {@code *.example} name to loopback, like a rebinding or hostile DNS answer would. */
    private static final Dns EXAMPLE_TO_LOOPBACK = host -> {
        if (host.endsWith(".example")) {
            return List.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
        }
        throw new UnknownHostException(host);
    };

    private OkHttpFetcher guarded() {
        return OkHttpFetcher.builder(LoopbackServer.settings().allowPrivateAddresses(false)
                .trustedPrivateHosts(Set.of("public.example")).build()).dns(EXAMPLE_TO_LOOPBACK).build();
    }

    @Test
    void refusesAHostThatResolvesToLoopbackWithoutContactingIt() throws Exception {
        fetcher = guarded();

        FetchOutcome outcome = fetcher.fetchAndWait(FetchRequest.json(
                URI.create("http://internal.example:" + server.port() + "/public/x"), "t"));

        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.AddressRefused.class, r -> {
            assertThat(r.address()).isEqualTo("127.0.0.1");
            assertThat(r.reason()).contains("loopback");
        });
        assertThat(server.wm.getAllServeEvents()).isEmpty();
        assertThat(fetcher.stats().hosts().values()).as("requests counted as sent")
                .allSatisfy(h -> assertThat(h.requests()).isZero());
    }

    @Test
    void refusesLiteralLoopbackAddresses() throws Exception {
        fetcher = guarded();

        FetchOutcome outcome = fetcher.fetchAndWait(FetchRequest.json(server.url("/public/x"), "t"));

        assertThat(outcome).isInstanceOf(FetchOutcome.AddressRefused.class);
        assertThat(server.wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void refusesARedirectHopToALoopbackAddress() throws Exception {
        fetcher = guarded();
        server.wm.stubFor(get(urlEqualTo("/go")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://internal.example:" + server.port() + "/public/secret")));
        server.wm.stubFor(get(urlEqualTo("/go-literal")).willReturn(aResponse().withStatus(301)
                .withHeader("Location", "http://127.0.0.1:" + server.port() + "/public/secret")));
        URI trusted = URI.create("http://public.example:" + server.port());

        FetchOutcome viaName = fetcher.fetchAndWait(FetchRequest.json(trusted.resolve("/go"), "t"));
        FetchOutcome viaLiteral = fetcher.fetchAndWait(FetchRequest.json(trusted.resolve("/go-literal"), "t"));

        assertThat(viaName).isInstanceOfSatisfying(FetchOutcome.AddressRefused.class,
                r -> assertThat(r.url()).isEqualTo(trusted.resolve("/go")));
        assertThat(viaLiteral).isInstanceOf(FetchOutcome.AddressRefused.class);
        assertThat(server.requestsTo("/public/secret")).isEmpty();
    }

    @Test
    void followsRedirectsWithinTheCapAndReportsTooMany() throws Exception {
        fetcher = OkHttpFetcher.builder(LoopbackServer.settings().build()).build();
        server.wm.stubFor(get(urlEqualTo("/moved")).willReturn(aResponse().withStatus(301).withHeader("Location", "/public/new")));
        server.wm.stubFor(get(urlPathMatching("/public/.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));
        server.wm.stubFor(get(urlEqualTo("/loop")).willReturn(aResponse().withStatus(302).withHeader("Location", "/loop")));

        assertThat(fetcher.fetchAndWait(FetchRequest.json(server.url("/moved"), "t"))).isInstanceOf(FetchOutcome.Fetched.class);
        FetchOutcome loop = fetcher.fetchAndWait(FetchRequest.json(server.url("/loop"), "t"));

        assertThat(loop).isInstanceOfSatisfying(FetchOutcome.Failed.class,
                f -> assertThat(f.kind()).isEqualTo(FetchOutcome.FailureKind.TOO_MANY_REDIRECTS));
        assertThat(server.requestsTo("/loop")).hasSize(6);
    }
}
