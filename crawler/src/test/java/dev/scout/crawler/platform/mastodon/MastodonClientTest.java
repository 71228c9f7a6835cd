package dev.scout.crawler.platform.mastodon;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.scout.crawler.platform.FollowerSample;
import dev.scout.crawler.platform.LookupBatch;
import dev.scout.crawler.platform.PlatformException;
import dev.scout.crawler.platform.ProfileLookup;
import dev.scout.crawler.platform.RecentPosts;
import dev.scout.crawler.platform.ResolvedProfile;
import dev.scout.crawler.platform.Sighting;
import dev.scout.crawler.platform.TagDiscovery;
import dev.scout.crawler.testing.Fixtures;
import dev.scout.crawler.testing.MastodonJson;
import dev.scout.crawler.testing.SimpleTestFetcher;
import dev.scout.model.Account;
import dev.scout.model.Post;
import dev.scout.model.ProfileRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MastodonClientTest {
    private WireMockServer server;
    private SimpleTestFetcher fetcher;
    private MastodonClient client;
    private URI base;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        base = URI.create("http://127.0.0.1:" + server.port());
        fetcher = new SimpleTestFetcher();
        client = new MastodonClient(fetcher, List.of(new MastodonInstance("fika.example", base)), domain -> base);
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.stop();
    }

    private void lookupAnswers(String acct, String body) {
        server.stubFor(get(urlPathEqualTo("/api/v1/accounts/lookup")).withQueryParam("acct", equalTo(acct))
                .willReturn(okJson(body)));
    }

    private ProfileLookup lookup(String value) throws InterruptedException {
        LookupBatch batch = client.lookup(List.of(new ProfileRef(dev.scout.model.Platform.MASTODON, value)));
        assertThat(batch.results()).hasSize(1);
        return batch.results().get(0);
    }

    @Test
    void looksUpAnAccountOnItsHomeInstanceAndMapsEveryField() throws Exception {
        lookupAnswers("ana", Fixtures.read("mastodon/account_ana.json"));

        ProfileLookup result = lookup("ana@fika.example");

        assertThat(result).isInstanceOf(ProfileLookup.Found.class);
        ResolvedProfile p = ((ProfileLookup.Found) result).profile();
        Account a = p.account();
        assertThat(a.id()).isEqualTo("mastodon:ana@fika.example");
        assertThat(a.handle()).isEqualTo("ana@fika.example");
        assertThat(a.displayName()).isEqualTo("Ana 🌱 Tofu & Tempeh");
        assertThat(a.bio()).startsWith("Plant-based cooking, every weeknight.\nBusiness: ana@fika.example")
                .contains("=HYPERLINK(\"http://evil.example\")").doesNotContain("<p>", "<br>");
        assertThat(a.website()).contains("https://ana-cooks.example/");
        assertThat(a.followers()).hasValue(4821);
        assertThat(a.following()).hasValue(312);
        assertThat(a.postsCount()).hasValue(1294);
        assertThat(a.createdAt()).contains(Instant.parse("2022-11-07T00:00:00Z"));
        assertThat(a.hasAvatar()).isTrue();
        assertThat(a.bot()).isFalse();
        assertThat(a.labels()).isEmpty();
        assertThat(a.profileUrl()).isEqualTo("https://fika.example/@ana");
        assertThat(p.nativeId()).isEqualTo("110374820193847261");
        assertThat(p.apiBase()).isEqualTo(base);
        assertThat(fetcher.requests()).isEqualTo(1);
    }

    @Test
    void toleratesAnOldServerWithoutOptionalKeysAndSpotsTheDefaultAvatar() throws Exception {
        lookupAnswers("bo", Fixtures.read("mastodon/account_old_server.json"));

        Account a = ((ProfileLookup.Found) lookup("bo@fika.example")).profile().account();

        assertThat(a.hasAvatar()).isFalse();
        assertThat(a.displayName()).isEmpty();
        assertThat(a.website()).isEmpty();
        assertThat(a.labels()).isEmpty();
        assertThat(a.followers()).hasValue(1999);
        assertThat(a.createdAt()).contains(Instant.parse("2018-03-01T12:44:09.112Z"));
    }

    @Test
    void suspendedAccountIsSkippedWithItsReason() throws Exception {
        lookupAnswers("spammy", Fixtures.read("mastodon/account_suspended.json"));

        ProfileLookup result = lookup("spammy@fika.example");

        assertThat(result).isInstanceOfSatisfying(ProfileLookup.Skipped.class,
                s -> assertThat(s.reason()).contains("suspended"));
    }

    @Test
    void goneOnAnOldServerMeansSuspended() throws Exception {
        server.stubFor(get(urlPathEqualTo("/api/v1/accounts/lookup")).willReturn(aResponse().withStatus(410)));

        assertThat(lookup("old@fika.example")).isInstanceOfSatisfying(ProfileLookup.Skipped.class,
                s -> assertThat(s.reason()).isEqualTo("suspended by its server (HTTP 410)"));
    }

    @Test
    void movedAccountIsSkippedAndNamesItsNewAccount() throws Exception {
        lookupAnswers("cleo", Fixtures.read("mastodon/account_moved.json"));

        ProfileLookup result = lookup("cleo@fika.example");

        assertThat(result).isInstanceOfSatisfying(ProfileLookup.Skipped.class, s -> {
            assertThat(s.reason()).isEqualTo("moved to cleo@greens.example");
            assertThat(s.movedTo()).contains(ProfileRef.mastodon("cleo", "greens.example"));
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"noindex\":true       | opted out of indexing (noindex)",
            "\"indexable\":false    | opted out of indexing (indexable: false)",
            "\"locked\":true        | locked (private) account",
            "\"bot\":true           | marked as a bot",
            "\"limited\":true       | limited (silenced) by its server",
    })
    void optedOutAccountsAreSkippedNotScored(String flag, String reason) throws Exception {
        String json = MastodonJson.account("5", "opt", 5000, "").replace("\"locked\":false,\"bot\":false,", "")
                .replace("\"indexable\":true,", "");
        lookupAnswers("opt", json.substring(0, json.length() - 1) + "," + flag + "}");

        ProfileLookup result = lookup("opt@fika.example");

        assertThat(result).isInstanceOfSatisfying(ProfileLookup.Skipped.class,
                s -> assertThat(s.reason()).isEqualTo(reason));
    }

    @Test
    void unknownAccountIsMissingNamingTheDomain() throws Exception {
        server.stubFor(get(urlPathEqualTo("/api/v1/accounts/lookup"))
                .willReturn(aResponse().withStatus(404).withBody("{\"error\":\"Record not found\"}")));

        ProfileLookup result = lookup("ghost@fika.example");

        assertThat(result).isInstanceOfSatisfying(ProfileLookup.Missing.class,
                m -> assertThat(m.reason()).contains("no such account on fika.example").contains("acct=ghost"));
    }

    @Test
    void malformedJsonFailsNamingPlatformProfileAndUrl() throws Exception {
        lookupAnswers("ana", "{\"id\": \"1\", \"username\": ");

        ProfileLookup result = lookup("ana@fika.example");

        assertThat(result).isInstanceOfSatisfying(ProfileLookup.Failed.class, f -> {
            assertThat(f.error().kind()).isEqualTo(PlatformException.Kind.MALFORMED);
            assertThat(f.error().getMessage()).startsWith("mastodon mastodon:ana@fika.example: malformed JSON")
                    .contains(base + "/api/v1/accounts/lookup?acct=ana");
            assertThat(f.error().retryable()).isFalse();
        });
    }

    @Test
    void mapsStatusesWithHashtagsMentionsLinksAndReplies() throws Exception {
        server.stubFor(get(urlPathEqualTo("/api/v1/accounts/110374820193847261/statuses"))
                .willReturn(okJson(Fixtures.read("mastodon/statuses_ana.json"))));

        RecentPosts recent = client.recentPosts(ana(), 40);

        assertThat(recent.requests()).isEqualTo(1);
        server.verify(getRequestedFor(urlEqualTo("/api/v1/accounts/110374820193847261/statuses?limit=40&exclude_reblogs=true")));
        List<Post> posts = recent.posts();
        assertThat(posts).hasSize(3);
        Post tacos = posts.get(0);
        assertThat(tacos.hashtags()).containsExactly("tofu", "vegan");
        assertThat(tacos.mentions()).containsExactly("bea@greens.example", "dan@fika.example");
        assertThat(tacos.links()).containsExactly("https://ana-cooks.example/recipes/crispy-tofu-tacos?utm=masto");
        assertThat(tacos.text()).contains("Crispy #Tofu tacos tonight 🌮 thanks @bea and @dan!");
        assertThat(tacos.likes()).isEqualTo(210);
        assertThat(tacos.replies()).isEqualTo(12);
        assertThat(tacos.shares()).isEqualTo(32);
        assertThat(tacos.reply()).isFalse();
        assertThat(tacos.repost()).isFalse();
        assertThat(posts.get(1).reply()).as("reply to another account").isTrue();
        assertThat(posts.get(1).text()).startsWith("food pic\n\nYes, oat milk works too!");
        assertThat(posts.get(2).reply()).as("self-thread continuation").isFalse();
        assertThat(posts.get(2).url()).isEqualTo("https://fika.example/users/ana/statuses/116649999999999999");
        assertThat(posts.get(2).links()).containsExactly("https://amzn.to/3xYz");
        assertThat(recent.sightings()).extracting(Sighting::ref).containsExactly(
                ProfileRef.mastodon("bea", "greens.example"), ProfileRef.mastodon("dan", "fika.example"));
    }

    @Test
    void readsOnePageForFortyPostsAndFollowsLinkOnlyWhenMoreAreWanted() throws Exception {
        String next = base + "/api/v1/accounts/42/statuses?limit=40&exclude_reblogs=true&max_id=960";
        server.stubFor(get(urlEqualTo("/api/v1/accounts/42/statuses?limit=40&exclude_reblogs=true"))
                .willReturn(okJson(MastodonJson.page(1000, 40, "42", "u", List.of("vegan")))
                        .withHeader("Link", "<" + next + ">; rel=\"next\", <" + base + "/x?min_id=1000>; rel=\"prev\"")));
        server.stubFor(get(urlEqualTo("/api/v1/accounts/42/statuses?limit=40&exclude_reblogs=true&max_id=960"))
                .willReturn(okJson(MastodonJson.page(960, 30, "42", "u", List.of("vegan")))));
        ResolvedProfile p = resolved("u", "42");

        RecentPosts forty = client.recentPosts(p, 40);
        RecentPosts toTheEnd = client.recentPosts(p, 100);

        assertThat(forty.posts()).hasSize(40);
        assertThat(forty.requests()).isEqualTo(1);
        assertThat(toTheEnd.posts()).hasSize(70);
        assertThat(toTheEnd.requests()).as("second page has no rel=next: the end").isEqualTo(2);
        assertThat(toTheEnd.posts()).extracting(Post::id).doesNotHaveDuplicates();
    }

    @Test
    void boostsAreNeverPostsOfTheBoosterButSightingsOfTheOriginalAuthor() throws Exception {
        JsonArrayWithBoost body = new JsonArrayWithBoost();
        server.stubFor(get(urlPathEqualTo("/api/v1/accounts/88/statuses")).willReturn(okJson(body.json())));

        RecentPosts recent = client.recentPosts(resolved("booster", "88"), 40);

        assertThat(recent.posts()).isEmpty();
        assertThat(recent.sightings()).singleElement().satisfies(s -> {
            assertThat(s.ref()).isEqualTo(ProfileRef.mastodon("dan", "fika.example"));
            assertThat(s.via()).isEqualTo("boost");
            assertThat(s.post().likes()).isEqualTo(80);
        });
    }

    @Test
    void tagTimelineCreditsBoostsToTheOriginalAuthor() throws Exception {
        server.stubFor(get(urlEqualTo("/api/v1/timelines/tag/vegan?limit=40"))
                .willReturn(okJson(Fixtures.read("mastodon/tag_vegan.json"))));

        TagDiscovery found = client.discoverByHashtag("#vegan", 2);

        assertThat(found.requests()).isEqualTo(1);
        assertThat(found.authors()).extracting(Sighting::ref).containsExactly(
                ProfileRef.mastodon("bea", "greens.example"), ProfileRef.mastodon("dan", "fika.example"),
                ProfileRef.mastodon("ana", "fika.example"));
    }

    @Test
    void unknownHashtagFindsNothingWithoutFailing() throws Exception {
        server.stubFor(get(urlPathEqualTo("/api/v1/timelines/tag/nosuchtag"))
                .willReturn(aResponse().withStatus(404).withBody("{\"error\":\"Record not found\"}")));

        assertThat(client.discoverByHashtag("nosuchtag", 1).authors()).isEmpty();
    }

    @Test
    void followerSampleResolvesLocalAndRemoteHandles() throws Exception {
        server.stubFor(get(urlEqualTo("/api/v1/accounts/110374820193847261/followers?limit=80"))
                .willReturn(okJson(Fixtures.read("mastodon/followers_ana.json"))));

        FollowerSample sample = client.followers(ana(), 80);

        assertThat(sample.requests()).isEqualTo(1);
        assertThat(sample.followers()).extracting(Account::id)
                .containsExactly("mastodon:eve@fika.example", "mastodon:finn@greens.example");
        assertThat(sample.followers().get(0).hasAvatar()).isFalse();
        assertThat(sample.followers().get(1).postsCount()).hasValue(1400);
    }

    @Test
    void followingListFollowsLinkPagesUpToTheWantedSize() throws Exception {
        String next = base + "/api/v1/accounts/110374820193847261/following?limit=2&max_id=77";
        server.stubFor(get(urlEqualTo("/api/v1/accounts/110374820193847261/following?limit=2"))
                .willReturn(okJson(Fixtures.read("mastodon/followers_ana.json")).withHeader("Link", "<" + next + ">; rel=\"next\"")));

        FollowerSample following = client.following(ana(), 2);

        assertThat(following.requests()).as("two wanted, two on the first page: no second request").isEqualTo(1);
        assertThat(following.followers()).hasSize(2);
    }

    @Test
    void directoryListsOptedInLocalAccountsOnlyWhenEnabled() throws Exception {
        String locked = MastodonJson.account("2", "hidden", 3000, "").replace("\"locked\":false", "\"locked\":true");
        server.stubFor(get(urlEqualTo("/api/v1/directory?local=true&order=active&limit=80&offset=0"))
                .willReturn(okJson("[" + MastodonJson.account("1", "cook", 3000, "") + "," + locked + "]")));
        MastodonClient withDirectory = new MastodonClient(fetcher, List.of(new MastodonInstance("fika.example", base)),
                d -> base, 3);

        FollowerSample listed = withDirectory.directory();

        assertThat(listed.followers()).extracting(Account::id).containsExactly("mastodon:cook@fika.example");
        assertThat(listed.requests()).as("a short page is the last one").isEqualTo(1);
        assertThat(client.directory().requests()).as("off by default").isZero();
    }

    @Test
    void unconfiguredDomainIsResolvedWithWebFingerOncePerDomain() throws Exception {
        server.stubFor(get(urlPathEqualTo("/.well-known/webfinger"))
                .withQueryParam("resource", equalTo("acct:bea@greens.example"))
                .willReturn(okJson(Fixtures.read("mastodon/webfinger_bea.json").replace("SELF_HREF", base + "/users/bea"))));
        server.stubFor(get(urlPathEqualTo("/.well-known/webfinger"))
                .withQueryParam("resource", equalTo("acct:finn@greens.example"))
                .willReturn(okJson(Fixtures.read("mastodon/webfinger_bea.json").replace("SELF_HREF", base + "/users/finn"))));
        lookupAnswers("bea", MastodonJson.account("77", "bea", 3000, ""));
        lookupAnswers("finn", MastodonJson.account("78", "finn", 3000, ""));

        ProfileLookup bea = lookup("bea@greens.example");
        ProfileLookup finn = lookup("finn@greens.example");

        assertThat(bea).isInstanceOfSatisfying(ProfileLookup.Found.class,
                f -> assertThat(f.profile().account().id()).isEqualTo("mastodon:bea@greens.example"));
        assertThat(finn).isInstanceOf(ProfileLookup.Found.class);
        assertThat(fetcher.requests()).as("one WebFinger + two lookups").isEqualTo(3);
    }

    @Test
    void serverErrorIsARetryableFailure() throws Exception {
        server.stubFor(get(urlPathEqualTo("/api/v1/accounts/9/statuses")).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> client.recentPosts(resolved("u", "9"), 40))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.subject()).isEqualTo("mastodon:u@fika.example");
                });
    }

    private ResolvedProfile ana() {
        return resolved("ana", "110374820193847261");
    }

    private ResolvedProfile resolved(String user, String id) {
        return new ResolvedProfile(Account.builder(ProfileRef.mastodon(user, "fika.example")).followers(5000).build(),
                id, base);
    }

    /** A statuses page holding only a boost wrapper, cut from the tag fixture. */
    private static final class JsonArrayWithBoost {
        String json() throws Exception {
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            var tag = mapper.readTree(Fixtures.read("mastodon/tag_vegan.json"));
            return "[" + tag.get(1).toString() + "]";
        }
    }
}
