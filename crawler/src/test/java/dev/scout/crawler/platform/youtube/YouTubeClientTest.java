package dev.scout.crawler.platform.youtube;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.scout.crawler.platform.LookupBatch;
import dev.scout.crawler.platform.PlatformException;
import dev.scout.crawler.platform.ProfileLookup;
import dev.scout.crawler.platform.RecentPosts;
import dev.scout.crawler.platform.ResolvedProfile;
import dev.scout.crawler.testing.Fixtures;
import dev.scout.model.testing.MutableClock;
import dev.scout.crawler.testing.SimpleTestFetcher;
import dev.scout.model.Account;
import dev.scout.model.Platform;
import dev.scout.model.Post;
import dev.scout.model.ProfileRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YouTubeClientTest {
    private static final String KEY = "AIzaSyTESTKEY-secret";
    private static final String LINNEA = "UCaaaaaaaaaaaaaaaaaaaaaa";

    private WireMockServer server;
    private SimpleTestFetcher fetcher;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T07:00:00Z"));
    private QuotaBudget budget;
    private YouTubeClient client;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        fetcher = new SimpleTestFetcher();
        budget = new QuotaBudget(10_000, 0, clock);
        client = new YouTubeClient(fetcher, URI.create("http://127.0.0.1:" + server.port() + "/youtube/v3"), KEY, budget);
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.stop();
    }

    private static ProfileRef yt(String v) {
        return new ProfileRef(Platform.YOUTUBE, v);
    }

    @Test
    void looksUpManyChannelIdsWithOneUnitAndHidesHiddenSubscriberCounts() throws Exception {
        server.stubFor(get(urlPathEqualTo("/youtube/v3/channels")).withQueryParam("key", equalTo(KEY))
                .withQueryParam("part", equalTo("snippet,statistics,contentDetails"))
                .willReturn(okJson(Fixtures.read("youtube/channels_by_id.json"))));

        LookupBatch batch = client.lookup(List.of(yt(LINNEA), yt("UCbbbbbbbbbbbbbbbbbbbbbb"), yt("UCzzzzzzzzzzzzzzzzzzzzzz")));

        assertThat(batch.requests()).isEqualTo(1);
        assertThat(budget.used()).isEqualTo(1);
        Account linnea = ((ProfileLookup.Found) batch.results().get(0)).profile().account();
        assertThat(linnea.followers()).hasValue(48_700);
        assertThat(linnea.handle()).isEqualTo("@linnealoaves");
        assertThat(linnea.profileUrl()).isEqualTo("https://www.youtube.com/@linnealoaves");
        assertThat(linnea.postsCount()).hasValue(212);
        assertThat(linnea.following()).isEmpty();
        assertThat(linnea.createdAt()).contains(Instant.parse("2019-03-14T16:20:11Z"));
        Account quiet = ((ProfileLookup.Found) batch.results().get(1)).profile().account();
        assertThat(quiet.followers()).as("hidden count is unknown, not 0").isEmpty();
        assertThat(quiet.labels()).containsExactly(YouTubeVideos.LABEL_HIDDEN_SUBSCRIBERS);
        assertThat(quiet.createdAt()).contains(Instant.parse("2021-06-01T08:00:00.482913Z"));
        assertThat(batch.results().get(2)).isInstanceOf(ProfileLookup.Missing.class);
    }

    @Test
    void resolvesAHandleToItsChannelId() throws Exception {
        server.stubFor(get(urlPathEqualTo("/youtube/v3/channels")).withQueryParam("forHandle", equalTo("@linnealoaves"))
                .willReturn(okJson(Fixtures.read("youtube/channel_for_handle.json"))));

        ProfileLookup r = client.lookup(List.of(yt("@linnealoaves"))).results().get(0);

        assertThat(r).isInstanceOfSatisfying(ProfileLookup.Found.class, f -> {
            assertThat(f.profile().account().id()).isEqualTo("youtube:" + LINNEA);
            assertThat(f.profile().nativeId()).isEqualTo("UUaaaaaaaaaaaaaaaaaaaaaa");
        });
    }

    @Test
    void anUnknownHandleAnswered200WithoutItemsIsMissing() throws Exception {
        server.stubFor(get(urlPathEqualTo("/youtube/v3/channels"))
                .willReturn(okJson(Fixtures.read("youtube/channels_none.json"))));

        ProfileLookup r = client.lookup(List.of(yt("@nobody"))).results().get(0);

        assertThat(r).isInstanceOfSatisfying(ProfileLookup.Missing.class, m -> assertThat(m.reason())
                .contains("no such YouTube channel").contains("key=REDACTED").doesNotContain(KEY));
    }

    @Test
    void readsUploadsToTheLastPageSkipsDeletedVideosAndMeasuresViews() throws Exception {
        server.stubFor(get(urlPathEqualTo("/youtube/v3/playlistItems")).withQueryParam("pageToken", absent())
                .willReturn(okJson(Fixtures.read("youtube/uploads_page1.json"))));
        server.stubFor(get(urlPathEqualTo("/youtube/v3/playlistItems")).withQueryParam("pageToken", equalTo("EAAaBlBUOkNESQ"))
                .willReturn(okJson(Fixtures.read("youtube/uploads_page2.json"))));
        server.stubFor(get(urlPathEqualTo("/youtube/v3/videos"))
                .withQueryParam("id", equalTo("vid00000001,vid00000003,vid00000004"))
                .willReturn(okJson(Fixtures.read("youtube/videos.json"))));

        RecentPosts recent = client.recentPosts(linnea(), 50);

        assertThat(recent.requests()).isEqualTo(3);
        List<Post> posts = recent.posts();
        assertThat(posts).extracting(Post::id).containsExactly("vid00000001", "vid00000003", "vid00000004");
        Post focaccia = posts.get(0);
        assertThat(focaccia.views()).hasValue(120_400);
        assertThat(focaccia.likes()).isEqualTo(8100);
        assertThat(focaccia.replies()).isEqualTo(240);
        assertThat(focaccia.shares()).isZero();
        assertThat(focaccia.hashtags()).containsExactly("veganbaking", "focaccia", "shorts", "plantbased");
        assertThat(focaccia.mentions()).containsExactly("@oatlynot");
        assertThat(focaccia.links()).containsExactly("https://amzn.to/4abc");
        assertThat(focaccia.url()).isEqualTo("https://www.youtube.com/watch?v=vid00000001");
        Post bolognese = posts.get(1);
        assertThat(bolognese.likes()).as("hidden likes").isZero();
        assertThat(bolognese.replies()).as("comments disabled").isZero();
        assertThat(bolognese.platformLabels()).containsExactly(Post.LABEL_PAID_PROMOTION);
        assertThat(posts.get(2).platformLabels()).as("absent flag is unknown, never a 'not paid' label").isEmpty();
    }

    @Test
    void aChannelWithoutUploadsHasNoPosts() throws Exception {
        server.stubFor(get(urlPathEqualTo("/youtube/v3/playlistItems")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(Fixtures.read("youtube/playlist_not_found.json"))));

        RecentPosts recent = client.recentPosts(linnea(), 50);

        assertThat(recent.posts()).isEmpty();
        assertThat(recent.requests()).isEqualTo(1);
    }

    @Test
    void quotaExceededStopsEveryFurtherCallUntilTheReset() throws Exception {
        server.stubFor(get(urlPathEqualTo("/youtube/v3/playlistItems")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody(Fixtures.read("youtube/quota_exceeded.json"))));

        assertThatThrownBy(() -> client.recentPosts(linnea(), 50)).isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.kind()).isEqualTo(PlatformException.Kind.QUOTA_EXHAUSTED);
            assertThat(e.retryAt()).contains(Instant.parse("2026-11-26T08:00:00Z"));
            assertThat(e.retryable()).isTrue();
        });
        long sent = fetcher.requests();

        ProfileLookup next = client.lookup(List.of(yt(LINNEA))).results().get(0);

        assertThat(next).isInstanceOfSatisfying(ProfileLookup.Failed.class,
                f -> assertThat(f.error().kind()).isEqualTo(PlatformException.Kind.QUOTA_EXHAUSTED));
        assertThat(fetcher.requests()).as("no request once the quota is known spent").isEqualTo(sent);
    }

    @Test
    void malformedJsonNamesTheChannelAndTheUrlButNeverTheKey() throws Exception {
        server.stubFor(get(urlPathEqualTo("/youtube/v3/channels")).willReturn(okJson("{\"items\": [ {\"id\": ")));

        ProfileLookup r = client.lookup(List.of(yt(LINNEA))).results().get(0);

        assertThat(r).isInstanceOfSatisfying(ProfileLookup.Failed.class, f -> assertThat(f.error().getMessage())
                .startsWith("youtube youtube:" + LINNEA + ": malformed JSON").contains("/youtube/v3/channels?")
                .contains("key=REDACTED").doesNotContain(KEY));
    }

    private ResolvedProfile linnea() {
        return new ResolvedProfile(Account.builder(yt(LINNEA)).followers(48_700).build(), "UUaaaaaaaaaaaaaaaaaaaaaa",
                URI.create("http://127.0.0.1:" + server.port()));
    }
}
