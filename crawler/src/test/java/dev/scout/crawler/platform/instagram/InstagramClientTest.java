package dev.scout.crawler.platform.instagram;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.scout.crawler.platform.LookupBatch;
import dev.scout.crawler.platform.PlatformException;
import dev.scout.crawler.platform.ProfileLookup;
import dev.scout.crawler.platform.RecentPosts;
import dev.scout.crawler.platform.ResolvedProfile;
import dev.scout.crawler.platform.Sighting;
import dev.scout.crawler.platform.TagDiscovery;
import dev.scout.crawler.platform.meta.UsageGate;
import dev.scout.crawler.testing.Fixtures;
import dev.scout.crawler.testing.SimpleTestFetcher;
import dev.scout.model.Account;
import dev.scout.model.Platform;
import dev.scout.model.Post;
import dev.scout.model.ProfileRef;
import dev.scout.model.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstagramClientTest {
    private static final String TOKEN = "EAAB-test-token-never-shown";
    private static final String ME = "17841405309211844";
    private static final String BD_PATH = "/v25.0/" + ME;

    private WireMockServer server;
    private SimpleTestFetcher fetcher;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));
    private UsageGate gate;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        fetcher = new SimpleTestFetcher();
        gate = new UsageGate(Platform.INSTAGRAM, clock);
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.stop();
    }

    private InstagramClient client(int mediaPerLookup, boolean hashtagSearch) {
        return new InstagramClient(fetcher, new InstagramSettings(URI.create("http://127.0.0.1:" + server.port()),
                "v25.0", ME, mediaPerLookup, hashtagSearch), TOKEN, gate);
    }

    private static ProfileRef ig(String handle) {
        return new ProfileRef(Platform.INSTAGRAM, handle);
    }

    private static ResponseDefinitionBuilder json(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(Fixtures.read("instagram/" + fixture));
    }

    private void stubDiscovery(String fieldsPart, ResponseDefinitionBuilder answer) {
        server.stubFor(get(urlPathEqualTo(BD_PATH)).withQueryParam("fields", containing(fieldsPart)).willReturn(answer));
    }

    private static ResolvedProfile found(LookupBatch batch) {
        assertThat(batch.results().get(0)).isInstanceOf(ProfileLookup.Found.class);
        return ((ProfileLookup.Found) batch.results().get(0)).profile();
    }

    @Test
    void oneBusinessDiscoveryCallBringsTheProfileAndFortyPosts() throws Exception {
        stubDiscovery("media.limit(40)", json(200, "business_discovery_forty.json"));
        InstagramClient client = client(40, false);

        LookupBatch batch = client.lookup(List.of(ig("linnea.bakes")));
        RecentPosts recent = client.recentPosts(found(batch), 40);

        assertThat(batch.requests() + recent.requests()).as("requests for a profile with 40 posts").isEqualTo(1);
        assertThat(recent.posts()).hasSize(40);
        assertThat(server.getAllServeEvents()).hasSize(1);
        LoggedRequest sent = server.getAllServeEvents().get(0).getRequest();
        assertThat(sent.queryParameter("fields").firstValue())
                .startsWith("business_discovery.username(linnea.bakes){username,name,biography,website,followers_count")
                .contains("media.limit(40){id,caption,like_count,comments_count,timestamp");
    }

    @Test
    void mapsTheProfileAndParsesTimestampsWithoutAColonInTheOffset() throws Exception {
        stubDiscovery("media.limit(3)", json(200, "business_discovery_linnea.json"));

        Account a = found(client(3, false).lookup(List.of(ig("Linnea.Bakes")))).account();

        assertThat(a.id()).isEqualTo("instagram:linnea.bakes");
        assertThat(a.followers()).hasValue(12_487);
        assertThat(a.following()).hasValue(611);
        assertThat(a.postsCount()).hasValue(843);
        assertThat(a.website()).contains("https://linneabakes.example/");
        assertThat(a.profileUrl()).isEqualTo("https://www.instagram.com/linnea.bakes/");
        ResolvedProfile p = found(client(3, false).lookup(List.of(ig("linnea.bakes"))));
        assertThat(p.embeddedPosts()).extracting(Post::createdAt).containsExactly(
                Instant.parse("2026-11-20T17:03:11Z"), Instant.parse("2026-11-17T08:41:55Z"),
                Instant.parse("2026-11-15T10:12:00Z"));
    }

    @Test
    void hiddenLikesAreLabelledAndCountOnlyComments() throws Exception {
        stubDiscovery("media.limit(3)", json(200, "business_discovery_linnea.json"));
        InstagramClient client = client(3, false);

        List<Post> posts = client.recentPosts(found(client.lookup(List.of(ig("linnea.bakes")))), 3).posts();

        Post hidden = posts.get(1);
        assertThat(hidden.likes()).isZero();
        assertThat(hidden.replies()).isEqualTo(19);
        assertThat(hidden.platformLabels()).containsExactly(Post.LABEL_LIKES_HIDDEN);
        assertThat(posts.get(0).likes()).isEqualTo(1_204);
        assertThat(posts.get(0).platformLabels()).isEmpty();
        assertThat(posts.get(0).views()).hasValue(40_211);
    }

    @Test
    void captionsKeepTheirSponsorshipWordingAndMentionsBecomeSightings() throws Exception {
        stubDiscovery("media.limit(3)", json(200, "business_discovery_linnea.json"));
        InstagramClient client = client(3, false);

        RecentPosts recent = client.recentPosts(found(client.lookup(List.of(ig("linnea.bakes")))), 3);

        Post ad = recent.posts().get(0);
        assertThat(ad.text()).contains("#ad", "Code LINNEA10");
        assertThat(ad.hashtags()).containsExactly("ad", "baking");
        assertThat(ad.platformLabels()).as("the API has no paid-partnership flag").doesNotContain(Post.LABEL_PAID_PROMOTION);
        assertThat(recent.sightings()).extracting(Sighting::ref)
                .containsExactly(ig("flourco"), ig("ana.kneads"));
    }

    @Test
    void furtherPagesAskForMediaAfterTheCursor() throws Exception {
        stubDiscovery("media.limit(3)", json(200, "business_discovery_linnea.json"));
        stubDiscovery("media.after(QVFIUnNsWEdFVVdqZAjJNNGVEUzVwenBz).limit(2)",
                json(200, "business_discovery_linnea_page2.json"));
        InstagramClient client = client(3, false);

        RecentPosts recent = client.recentPosts(found(client.lookup(List.of(ig("linnea.bakes")))), 5);

        assertThat(recent.requests()).isEqualTo(1);
        assertThat(recent.posts()).extracting(Post::id).containsExactly("18044112233445566", "18044112233445567",
                "18044112233445568", "18044112233445569", "18044112233445570");
        assertThat(server.getAllServeEvents()).hasSize(2);
    }

    @Test
    void personalOrUnknownAccountsEndAsNotBusinessAndAreNotRetried() throws Exception {
        stubDiscovery("username(private.person)", json(400, "error_not_professional.json"));

        LookupBatch batch = client(40, false).lookup(List.of(ig("private.person")));

        assertThat(batch.results().get(0)).isInstanceOfSatisfying(ProfileLookup.Skipped.class,
                s -> assertThat(s.reason()).startsWith("not a business/creator account"));
        assertThat(batch.requests()).isEqualTo(1);
    }

    @Test
    void aThrottleCodeStopsEveryCallUntilTheBackoffEnds() throws Exception {
        stubDiscovery("username(", json(400, "error_app_throttled.json"));
        InstagramClient client = client(40, false);

        LookupBatch first = client.lookup(List.of(ig("a.baker")));
        LookupBatch second = client.lookup(List.of(ig("b.baker")));

        PlatformException e = ((ProfileLookup.Failed) first.results().get(0)).error();
        assertThat(e.kind()).isEqualTo(PlatformException.Kind.QUOTA_EXHAUSTED);
        assertThat(e.retryAt()).contains(clock.instant().plus(UsageGate.FIRST_THROTTLE_PAUSE));
        assertThat(e.getMessage()).contains("code 4");
        PlatformException stopped = ((ProfileLookup.Failed) second.results().get(0)).error();
        assertThat(stopped.kind()).isEqualTo(PlatformException.Kind.QUOTA_EXHAUSTED);
        assertThat(second.requests()).as("no request while throttled").isZero();
        assertThat(server.getAllServeEvents()).hasSize(1);

        clock.advance(UsageGate.FIRST_THROTTLE_PAUSE.plusSeconds(1));
        client.lookup(List.of(ig("c.baker")));
        assertThat(server.getAllServeEvents()).as("one probe after the pause").hasSize(2);
    }

    @Test
    void aBusinessUseCaseThrottleWaitsTheTimeMetaEstimates() throws Exception {
        stubDiscovery("username(", json(400, "error_buc_throttled.json").withHeader("X-Business-Use-Case-Usage",
                "{\"17841405309211844\":[{\"type\":\"instagram\",\"call_count\":100,\"total_cputime\":12,"
                        + "\"total_time\":14,\"estimated_time_to_regain_access\":7}]}"));

        PlatformException e = ((ProfileLookup.Failed) client(40, false).lookup(List.of(ig("a.baker")))
                .results().get(0)).error();

        assertThat(e.kind()).isEqualTo(PlatformException.Kind.QUOTA_EXHAUSTED);
        assertThat(e.retryAt()).contains(clock.instant().plus(Duration.ofMinutes(7)));
        assertThat(e.getMessage()).contains("code 80002");
    }

    @Test
    void anExpiredTokenStopsEveryCallAndTheMessageNeverShowsTheToken() throws Exception {
        stubDiscovery("username(", json(400, "error_token_expired.json"));
        InstagramClient client = client(40, false);

        PlatformException e = ((ProfileLookup.Failed) client.lookup(List.of(ig("a.baker"))).results().get(0)).error();
        LookupBatch again = client.lookup(List.of(ig("b.baker")));

        assertThat(e.kind()).isEqualTo(PlatformException.Kind.REJECTED);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("code 190", "platforms.instagram.accessToken").doesNotContain(TOKEN);
        assertThat(again.requests()).isZero();
        assertThat(((ProfileLookup.Failed) again.results().get(0)).error().getMessage()).startsWith(
                "instagram instagram:b.baker: not sent: the access token was refused");
    }

    @Test
    void aMissingPermissionIsReportedOnceAndNotRetried() throws Exception {
        stubDiscovery("username(", json(400, "error_permission_missing.json"));
        InstagramClient client = client(40, false);

        PlatformException e = ((ProfileLookup.Failed) client.lookup(List.of(ig("a.baker"))).results().get(0)).error();

        assertThat(e.kind()).isEqualTo(PlatformException.Kind.REJECTED);
        assertThat(e.getMessage()).contains("code 10", "permission");
        assertThat(client.lookup(List.of(ig("b.baker"))).requests()).isZero();
    }

    @Test
    void theTokenTravelsOnlyInTheAuthorizationHeader() throws Exception {
        stubDiscovery("media.limit(3)", json(200, "business_discovery_linnea.json"));
        stubDiscovery("media.after(", json(200, "business_discovery_linnea_page2.json"));
        InstagramClient client = client(3, false);

        client.recentPosts(found(client.lookup(List.of(ig("linnea.bakes")))), 5);

        server.verify(2, anyRequestedFor(anyUrl()).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        assertThat(server.getAllServeEvents()).allSatisfy(e -> assertThat(e.getRequest().getUrl())
                .doesNotContain(TOKEN).doesNotContain("access_token"));
    }

    @Test
    void hashtagSearchFindsAccountsMentionedUnderTheTagWhenPermitted() throws Exception {
        server.stubFor(get(urlPathEqualTo("/v25.0/ig_hashtag_search")).withQueryParam("user_id", equalTo(ME))
                .withQueryParam("q", equalTo("sourdough")).willReturn(json(200, "hashtag_search_sourdough.json")));
        server.stubFor(get(urlPathEqualTo("/v25.0/17843853986012965/top_media")).withQueryParam("user_id", equalTo(ME))
                .willReturn(json(200, "hashtag_top_media.json")));
        server.stubFor(get(urlPathEqualTo("/v25.0/17843853986012965/recent_media")).withQueryParam("user_id", equalTo(ME))
                .willReturn(json(200, "hashtag_recent_media.json")));

        TagDiscovery found = client(40, true).discoverByHashtag("Sourdough", 1);

        assertThat(found.requests()).isEqualTo(3);
        assertThat(found.authors()).extracting(Sighting::ref).containsExactly(ig("crumb.queen"), ig("linnea.bakes"));
    }

    @Test
    void withoutHashtagPermissionDiscoverySpendsNoRequest() throws Exception {
        assertThat(client(40, false).discoverByHashtag("sourdough", 5)).isEqualTo(TagDiscovery.none());
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void instagramHasNoFollowerListsAndSpendsNothingAskingForOne() throws Exception {
        stubDiscovery("media.limit(3)", json(200, "business_discovery_linnea.json"));
        InstagramClient client = client(3, false);
        ResolvedProfile p = found(client.lookup(List.of(ig("linnea.bakes"))));

        assertThat(client.followers(p, 80).requests()).isZero();
        assertThat(server.getAllServeEvents()).hasSize(1);
    }

    @Test
    void anAnswerWithoutBusinessDiscoveryIsMalformed() throws Exception {
        stubDiscovery("username(", aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"17841405309211844\"}"));

        PlatformException e = ((ProfileLookup.Failed) client(40, false).lookup(List.of(ig("a.baker"))).results().get(0))
                .error();

        assertThat(e.kind()).isEqualTo(PlatformException.Kind.MALFORMED);
        assertThatThrownBy(() -> { throw e; }).hasMessageContaining("no business_discovery object");
    }
}
