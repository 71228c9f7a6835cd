package dev.scout.crawler.platform.bluesky;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.scout.crawler.platform.FollowerSample;
import dev.scout.crawler.platform.LookupBatch;
import dev.scout.crawler.platform.PlatformException;
import dev.scout.crawler.platform.ProfileLookup;
import dev.scout.crawler.platform.RecentPosts;
import dev.scout.crawler.platform.ResolvedProfile;
import dev.scout.crawler.platform.Sighting;
import dev.scout.crawler.testing.Fixtures;
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
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlueskyClientTest {
    private static final String ANA = "did:plc:ana111111111111111111111";

    private WireMockServer server;
    private SimpleTestFetcher fetcher;
    private BlueskyClient client;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        fetcher = new SimpleTestFetcher();
        client = new BlueskyClient(fetcher, URI.create("http://127.0.0.1:" + server.port() + "/"));
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.stop();
    }

    private static ProfileRef bsky(String v) {
        return new ProfileRef(Platform.BLUESKY, v);
    }

    @Test
    void looksUpABatchInOneRequestAndReportsEveryActor() throws Exception {
        server.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.actor.getProfiles"))
                .willReturn(okJson(Fixtures.read("bluesky/profiles.json"))));
        List<ProfileRef> refs = List.of(bsky("ana.bsky.social"), bsky("did:plc:min444444444444444444444"),
                bsky("shy.bsky.social"), bsky("recipes-bot.bsky.social"), bsky("gone.bsky.social"));

        LookupBatch batch = client.lookup(refs);

        assertThat(batch.requests()).isEqualTo(1);
        server.verify(getRequestedFor(urlEqualTo("/xrpc/app.bsky.actor.getProfiles?actors=ana.bsky.social"
                + "&actors=did%3Aplc%3Amin444444444444444444444&actors=shy.bsky.social"
                + "&actors=recipes-bot.bsky.social&actors=gone.bsky.social")));
        assertThat(batch.results()).extracting(ProfileLookup::ref).containsExactlyElementsOf(refs);

        Account ana = ((ProfileLookup.Found) batch.results().get(0)).profile().account();
        assertThat(ana.id()).as("stable id is the DID").isEqualTo("bluesky:" + ANA);
        assertThat(ana.handle()).isEqualTo("ana.bsky.social");
        assertThat(ana.followers()).hasValue(8120);
        assertThat(ana.following()).hasValue(410);
        assertThat(ana.postsCount()).hasValue(2210);
        assertThat(ana.website()).contains("https://ana-bakes.example");
        assertThat(ana.bio()).isEqualTo("Plant-based baking.\nbiz: ana@bakes.example");
        assertThat(ana.profileUrl()).isEqualTo("https://bsky.app/profile/ana.bsky.social");
        assertThat(ana.createdAt()).contains(Instant.parse("2023-04-01T10:00:00Z"));

        Account minimal = ((ProfileLookup.Found) batch.results().get(1)).profile().account();
        assertThat(minimal.followers()).as("missing counts stay unknown").isEmpty();
        assertThat(minimal.hasAvatar()).isFalse();
        assertThat(minimal.displayName()).isEmpty();

        assertThat(batch.results().get(2)).isInstanceOfSatisfying(ProfileLookup.Skipped.class,
                s -> assertThat(s.reason()).contains("!no-unauthenticated"));
        assertThat(batch.results().get(3)).isInstanceOfSatisfying(ProfileLookup.Skipped.class,
                s -> assertThat(s.reason()).isEqualTo("labelled as a bot"));
        assertThat(batch.results().get(4)).isInstanceOf(ProfileLookup.Missing.class);
    }

    @Test
    void aMalformedBatchFailsEachActorNamingTheUrl() throws Exception {
        server.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.actor.getProfiles")).willReturn(okJson("{\"profiles\": [")));

        LookupBatch batch = client.lookup(List.of(bsky("a.bsky.social"), bsky("b.bsky.social")));

        assertThat(batch.results()).hasSize(2).allSatisfy(r -> assertThat(r).isInstanceOfSatisfying(
                ProfileLookup.Failed.class, f -> assertThat(f.error().getMessage())
                        .startsWith("bluesky 2 Bluesky profiles: malformed JSON").contains("getProfiles?actors=a.bsky.social")));
    }

    @Test
    void anHtmlForbiddenPageFromTheProxyIsARejectionNotAParseError() throws Exception {
        server.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.actor.getProfiles")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "text/html").withBody("<html>Request forbidden by administrative rules.</html>")));

        LookupBatch batch = client.lookup(List.of(bsky("a.bsky.social")));

        assertThat(batch.results().get(0)).isInstanceOfSatisfying(ProfileLookup.Failed.class, f -> {
            assertThat(f.error().kind()).isEqualTo(PlatformException.Kind.REJECTED);
            assertThat(f.error().getMessage()).contains("HTTP 403");
        });
    }

    @Test
    void readsFacetsByUtf8ByteOffsetsEvenAfterAnEmoji() throws Exception {
        stubFeed();

        RecentPosts recent = client.recentPosts(ana(), 100);

        Post focaccia = recent.posts().get(0);
        assertThat(focaccia.text()).startsWith("🍞 Oat milk focaccia #vegan");
        assertThat(focaccia.hashtags()).containsExactly("vegan", "plantbased");
        assertThat(focaccia.mentions()).containsExactly("did:plc:bea222222222222222222222");
        assertThat(focaccia.links()).containsExactly("https://ana-bakes.example/focaccia?ref=bsky");
        assertThat(focaccia.likes()).isEqualTo(120);
        assertThat(focaccia.replies()).isEqualTo(4);
        assertThat(focaccia.shares()).isEqualTo(8);
        assertThat(focaccia.url()).isEqualTo("https://bsky.app/profile/ana.bsky.social/post/3lbk2a");
        assertThat(focaccia.createdAt()).isEqualTo(Instant.parse("2026-11-24T18:00:00Z"));

        var record = new ObjectMapper().readTree(Fixtures.read("bluesky/feed_ana_page1.json"))
                .get("feed").get(0).get("post").get("record");
        List<com.fasterxml.jackson.databind.JsonNode> facets = new ArrayList<>();
        record.get("facets").forEach(facets::add);
        assertThat(Facets.features(record.get("text").asText(), facets)).extracting(Facets.Feature::covered)
                .as("overlapping and out-of-range facets dropped")
                .containsExactly("#vegan", "@bea.bsky.social", "ana-bakes.example/foc…");
    }

    @Test
    void repostsAreNotTheReposterPostsButLeadToTheOriginalAuthor() throws Exception {
        stubFeed();

        RecentPosts recent = client.recentPosts(ana(), 100);

        assertThat(recent.posts()).extracting(Post::id).doesNotContain("at://did:plc:dan333333333333333333333/app.bsky.feed.post/3lbk1z");
        assertThat(recent.posts()).allSatisfy(p -> assertThat(p.repost()).isFalse());
        assertThat(recent.sightings()).extracting(Sighting::via, s -> s.ref().value()).contains(
                org.assertj.core.groups.Tuple.tuple("repost", "did:plc:dan333333333333333333333"),
                org.assertj.core.groups.Tuple.tuple("mention", "did:plc:bea222222222222222222222"));
    }

    @Test
    void followsTheCursorToTheLastPage() throws Exception {
        stubFeed();

        RecentPosts recent = client.recentPosts(ana(), 100);

        assertThat(recent.requests()).isEqualTo(2);
        assertThat(recent.posts()).hasSize(3);
        assertThat(recent.posts().get(1).likes()).as("missing counts read as 0").isZero();
        server.verify(getRequestedFor(urlEqualTo("/xrpc/app.bsky.feed.getAuthorFeed?actor=did%3Aplc%3Aana111111111111111111111"
                + "&limit=100&filter=posts_no_replies")));
    }

    @Test
    void stopsAfterOnePageWhenItHoldsEnoughPosts() throws Exception {
        stubFeed();

        RecentPosts recent = client.recentPosts(ana(), 2);

        assertThat(recent.requests()).isEqualTo(1);
        assertThat(recent.posts()).hasSize(2);
    }

    @Test
    void followerSampleHasNoCountsAndKeepsInvalidHandlesUsable() throws Exception {
        server.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.graph.getFollowers"))
                .willReturn(okJson(Fixtures.read("bluesky/followers_ana.json"))));

        FollowerSample sample = client.followers(ana(), 80);

        assertThat(sample.requests()).isEqualTo(1);
        assertThat(sample.followers()).extracting(Account::id).containsExactly("bluesky:did:plc:f1", "bluesky:did:plc:f2");
        assertThat(sample.followers()).allSatisfy(a -> assertThat(a.followers()).isEmpty());
        assertThat(sample.followers().get(1).profileUrl()).isEqualTo("https://bsky.app/profile/did:plc:f2");
        assertThat(sample.followers().get(1).hasAvatar()).isTrue();
    }

    @Test
    void followingListIsReadFromGetFollows() throws Exception {
        server.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.graph.getFollows")).willReturn(okJson(
                Fixtures.read("bluesky/followers_ana.json").replace("\"followers\"", "\"follows\""))));

        FollowerSample following = client.following(ana(), 80);

        assertThat(following.followers()).extracting(Account::id).containsExactly("bluesky:did:plc:f1", "bluesky:did:plc:f2");
    }

    @Test
    void invalidRequestForAFeedIsANonRetryableRejection() {
        server.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.feed.getAuthorFeed")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"InvalidRequest\",\"message\":\"Profile not found\"}")));

        assertThatThrownBy(() -> client.recentPosts(ana(), 40)).isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).contains("InvalidRequest - Profile not found").contains("bluesky:" + ANA);
        });
    }

    @Test
    void hashtagDiscoveryNeverCallsSearchPosts() throws Exception {
        assertThat(client.discoverByHashtag("vegan", 3).authors()).isEmpty();
        assertThat(fetcher.requests()).isZero();
    }

    private void stubFeed() {
        server.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.feed.getAuthorFeed")).withQueryParam("cursor", absent())
                .willReturn(okJson(Fixtures.read("bluesky/feed_ana_page1.json"))));
        server.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.feed.getAuthorFeed"))
                .withQueryParam("cursor", equalTo("2026-11-22T19:30:00.000Z"))
                .willReturn(okJson(Fixtures.read("bluesky/feed_ana_page2.json"))));
    }

    private ResolvedProfile ana() {
        return new ResolvedProfile(Account.builder(bsky(ANA)).handle("ana.bsky.social").followers(8120).build(), ANA,
                URI.create("http://127.0.0.1:" + server.port()));
    }
}
