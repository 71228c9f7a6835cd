package dev.scout.crawler.platform.threads;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.scout.crawler.platform.LookupBatch;
import dev.scout.crawler.platform.PlatformException;
import dev.scout.crawler.platform.ProfileLookup;
import dev.scout.crawler.platform.RecentPosts;
import dev.scout.crawler.platform.ResolvedProfile;
import dev.scout.crawler.platform.meta.UsageGate;
import dev.scout.crawler.testing.Fixtures;
import dev.scout.crawler.testing.SimpleTestFetcher;
import dev.scout.model.Platform;
import dev.scout.model.Post;
import dev.scout.model.ProfileRef;
import dev.scout.model.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class ThreadsClientTest {
    private static final String TOKEN = "THQW-test-token";

    private WireMockServer server;
    private SimpleTestFetcher fetcher;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));
    private ThreadsClient client;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        fetcher = new SimpleTestFetcher();
        client = new ThreadsClient(fetcher, new ThreadsSettings(URI.create("http://127.0.0.1:" + server.port()), "v1.0"),
                TOKEN, new UsageGate(Platform.THREADS, clock));
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.stop();
    }

    private static ResponseDefinitionBuilder json(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(Fixtures.read("threads/" + fixture));
    }

    private static ProfileRef th(String handle) {
        return new ProfileRef(Platform.THREADS, handle);
    }

    @Test
    void looksUpAProfileByUsernameWithTheTokenInTheHeaderOnly() throws Exception {
        server.stubFor(get(urlPathEqualTo("/v1.0/profile_lookup")).withQueryParam("username", equalTo("linnea.bakes"))
                .willReturn(json(200, "profile_lookup_linnea.json")));

        LookupBatch batch = client.lookup(List.of(th("linnea.bakes")));

        ResolvedProfile p = ((ProfileLookup.Found) batch.results().get(0)).profile();
        assertThat(p.account().id()).isEqualTo("threads:linnea.bakes");
        assertThat(p.account().followers()).hasValue(4_210);
        assertThat(p.account().profileUrl()).isEqualTo("https://www.threads.net/@linnea.bakes");
        server.verify(anyRequestedFor(anyUrl()).withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withQueryParam("access_token", absent()));
    }

    @Test
    void postsArePagedByCursorAndShareTheProfileTotalsEvenly() throws Exception {
        server.stubFor(get(urlPathEqualTo("/v1.0/profile_lookup")).willReturn(json(200, "profile_lookup_linnea.json")));
        server.stubFor(get(urlPathEqualTo("/v1.0/profile_posts")).withQueryParam("after", absent())
                .willReturn(json(200, "profile_posts_page1.json")));
        server.stubFor(get(urlPathEqualTo("/v1.0/profile_posts")).withQueryParam("after", equalTo("QUZURVIx"))
                .willReturn(json(200, "profile_posts_page2.json")));
        ResolvedProfile p = ((ProfileLookup.Found) client.lookup(List.of(th("linnea.bakes"))).results().get(0)).profile();

        RecentPosts recent = client.recentPosts(p, 3);

        assertThat(recent.requests()).isEqualTo(2);
        assertThat(recent.posts()).extracting(Post::id)
                .containsExactly("18100000000000001", "18100000000000002", "18100000000000003");
        Post first = recent.posts().get(0);
        assertThat(first.createdAt()).isEqualTo(Instant.parse("2026-12-02T09:10:00Z"));
        assertThat(first.hashtags()).containsExactly("sourdough");
        assertThat(first.likes()).isEqualTo(300);
        assertThat(first.replies()).isEqualTo(50);
        assertThat(first.shares()).isEqualTo(20);
        assertThat(first.platformLabels()).containsExactly(ThreadsClient.LABEL_PROFILE_TOTALS);
    }

    @Test
    void anUnknownOrIneligibleProfileFailsWithoutLeakingTheToken() throws Exception {
        server.stubFor(get(urlPathEqualTo("/v1.0/profile_lookup")).willReturn(json(400, "error_not_found.json")));

        LookupBatch batch = client.lookup(List.of(th("nobody.here")));

        PlatformException e = ((ProfileLookup.Failed) batch.results().get(0)).error();
        assertThat(e.kind()).isEqualTo(PlatformException.Kind.REJECTED);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("threads:nobody.here").doesNotContain(TOKEN);
    }
}
