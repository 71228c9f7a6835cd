package dev.scout.crawler.platform.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.scout.crawler.platform.FollowerSample;
import dev.scout.crawler.platform.ProfileLookup;
import dev.scout.crawler.platform.RecentPosts;
import dev.scout.crawler.platform.ResolvedProfile;
import dev.scout.crawler.testing.ConformanceCorpus;
import dev.scout.crawler.testing.RecordedCassette;
import dev.scout.crawler.testing.SimpleTestFetcher;
import dev.scout.model.Account;
import dev.scout.model.Platform;
import dev.scout.model.Post;
import dev.scout.model.ProfileRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scout's Bluesky client fed answers that the Bluesky AppView sent, kept by two MIT-licensed projects: the Python SDK
 * (MarshalX/atproto) as test data, and the R package bskyr as vcr cassettes of bsky.social. Every expected value is read here from the same recorded JSON, so a misread field
 * fails the test. The corpus is not in this repository (docs/CONFORMANCE.md); without it these tests are skipped.
 */
class BlueskyConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEST_DATA = "atproto-python/test_atproto_client/models/test_data/";
    private static final String BSKYR = "bskyr/testthat/_vcr/";

    private WireMockServer server;
    private SimpleTestFetcher fetcher;
    private BlueskyClient client;
    private URI base;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        base = URI.create("http://127.0.0.1:" + server.port());
        fetcher = new SimpleTestFetcher();
        client = new BlueskyClient(fetcher, base);
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.stop();
    }

    @Test
    void aRecordedFollowsListIsReadWithHandlesNamesBiosAvatarsAndDatesButNoInventedCounts() throws Exception {
        String body = recorded("get_follows.json");
        JsonNode json = JSON.readTree(body);
        String subjectDid = json.get("subject").get("did").asText();
        server.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.graph.getFollows"))
                .withQueryParam("actor", equalTo(subjectDid)).willReturn(okJson(body)));

        FollowerSample sample = client.following(profile(subjectDid), 100);

        JsonNode follows = json.get("follows");
        assertThat(follows).isNotEmpty();
        assertThat(sample.followers()).hasSize(follows.size());
        for (int i = 0; i < follows.size(); i++) {
            JsonNode view = follows.get(i);
            Account a = sample.followers().get(i);
            assertThat(a.id()).isEqualTo("bluesky:" + view.get("did").asText());
            assertThat(a.handle()).isEqualTo(view.get("handle").asText());
            assertThat(a.displayName()).isEqualTo(view.get("displayName").asText());
            assertThat(a.bio()).isEqualTo(view.path("description").asText(""));
            assertThat(a.hasAvatar()).isEqualTo(view.hasNonNull("avatar"));
            assertThat(a.createdAt()).contains(Instant.parse(view.get("createdAt").asText()));
            assertThat(a.profileUrl()).isEqualTo("https://bsky.app/profile/" + view.get("handle").asText());
            // A profileView in a list carries no counts: unknown, never zero.
            assertThat(view.has("followersCount")).isFalse();
            assertThat(a.followers()).isEmpty();
            assertThat(a.postsCount()).isEmpty();
        }
    }

    @Test
    void theRecordedSubjectViewIsFoundByGetProfilesUnderItsDid() throws Exception {
        JsonNode subject = JSON.readTree(recorded("get_follows.json")).get("subject");
        // getProfiles answers {"profiles": [profileView...]}; the recorded view is served in that envelope, unchanged.
        ObjectNode envelope = JSON.createObjectNode();
        envelope.putArray("profiles").add(subject);
        server.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.actor.getProfiles"))
                .willReturn(okJson(JSON.writeValueAsString(envelope))));

        ProfileLookup result = client.lookup(List.of(new ProfileRef(Platform.BLUESKY,
                subject.get("handle").asText()))).results().get(0);

        assertThat(result).isInstanceOf(ProfileLookup.Found.class);
        ResolvedProfile p = ((ProfileLookup.Found) result).profile();
        assertThat(p.nativeId()).isEqualTo(subject.get("did").asText());
        assertThat(p.account().displayName()).isEqualTo(subject.get("displayName").asText());
        assertThat(p.account().bio()).isEqualTo(subject.get("description").asText());
        assertThat(p.account().createdAt()).contains(Instant.parse(subject.get("createdAt").asText()));
        assertThat(p.account().hasAvatar()).isEqualTo(subject.hasNonNull("avatar"));
    }

    @Test
    void aRecordedPostWithAQuoteAndImagesKeepsItsCountsDateAndIsNotAReplyOrRepost() throws Exception {
        JsonNode postView = JSON.readTree(recorded("thread_view_post_with_embed_media.json")).get("thread").get("post");
        String author = postView.get("author").get("did").asText();
        // getAuthorFeed answers {"feed": [{"post": postView}]}; the recorded postView is served in it, unchanged.
        ObjectNode page = JSON.createObjectNode();
        page.putArray("feed").addObject().set("post", postView);
        server.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.feed.getAuthorFeed"))
                .withQueryParam("actor", equalTo(author)).willReturn(okJson(JSON.writeValueAsString(page))));

        RecentPosts recent = client.recentPosts(profile(author), 10);

        assertThat(recent.posts()).hasSize(1);
        Post p = recent.posts().get(0);
        JsonNode record = postView.get("record");
        String uri = postView.get("uri").asText();
        assertThat(p.id()).isEqualTo(uri);
        assertThat(p.url()).isEqualTo("https://bsky.app/profile/" + postView.get("author").get("handle").asText()
                + "/post/" + uri.substring(uri.lastIndexOf('/') + 1));
        assertThat(p.createdAt()).isEqualTo(Instant.parse(record.get("createdAt").asText()));
        assertThat(p.text()).isEqualTo(record.get("text").asText());
        assertThat(p.likes()).isEqualTo(postView.get("likeCount").asLong());
        assertThat(p.replies()).isEqualTo(postView.get("replyCount").asLong());
        assertThat(p.shares()).isEqualTo(postView.get("repostCount").asLong() + postView.path("quoteCount").asLong(0));
        assertThat(p.reply()).isEqualTo(record.has("reply")).isFalse();
        assertThat(p.repost()).isFalse();
        assertThat(recent.sightings()).isEmpty();
    }

    @Test
    void countsAndBioOfARecordedBlueskyProfileAreReadAsTheAppViewSentThem() throws Exception {
        RecordedCassette.Exchange answer = bskyr("a_profile.yml",
                "/xrpc/app.bsky.actor.getProfiles?actors=chriskenny.bsky.social");
        JsonNode view = JSON.readTree(answer.body()).get("profiles").get(0);
        server.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.actor.getProfiles")).willReturn(okJson(answer.body())));

        ProfileLookup result = client.lookup(List.of(new ProfileRef(Platform.BLUESKY, "chriskenny.bsky.social")))
                .results().get(0);

        assertThat(result).isInstanceOf(ProfileLookup.Found.class);
        ResolvedProfile p = ((ProfileLookup.Found) result).profile();
        Account a = p.account();
        assertThat(p.nativeId()).isEqualTo(view.get("did").asText());
        assertThat(a.handle()).isEqualTo(view.get("handle").asText());
        assertThat(a.followers()).hasValue(view.get("followersCount").asLong());
        assertThat(a.following()).hasValue(view.get("followsCount").asLong());
        assertThat(a.postsCount()).hasValue(view.get("postsCount").asLong());
        assertThat(a.displayName()).isEqualTo(view.get("displayName").asText());
        assertThat(a.bio()).isEqualTo(view.get("description").asText());
        assertThat(a.createdAt()).contains(Instant.parse(view.get("createdAt").asText()));
        assertThat(a.hasAvatar()).isEqualTo(view.hasNonNull("avatar")).isTrue();
        assertThat(a.labels()).isEmpty();
    }

    @Test
    void aRecordedAuthorFeedGivesTheOwnersPostsWithTheirCountsTagsMentionsAndLinksAndRepostsAsLeads() throws Exception {
        RecordedCassette.Exchange answer = bskyr("f_autfeed.yml",
                "/xrpc/app.bsky.feed.getAuthorFeed?actor=chriskenny.bsky.social");
        JsonNode feed = JSON.readTree(answer.body()).get("feed");
        String owner = JSON.readTree(bskyr("a_profile.yml",
                "/xrpc/app.bsky.actor.getProfiles?actors=chriskenny.bsky.social").body()).get("profiles").get(0)
                .get("did").asText();
        List<JsonNode> own = new ArrayList<>();
        List<String> repostedAuthors = new ArrayList<>();
        for (JsonNode item : feed) {
            if (item.has("reason")) {
                repostedAuthors.add(item.get("post").get("author").get("did").asText());
            } else {
                own.add(item.get("post"));
            }
        }
        assertThat(own).isNotEmpty();
        assertThat(repostedAuthors).isNotEmpty();
        server.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.feed.getAuthorFeed")).withQueryParam("actor", equalTo(owner))
                .willReturn(okJson(answer.body())));

        // Asking for exactly the owner's posts on the recorded page: the client stops there and sends no cursor.
        RecentPosts recent = client.recentPosts(profile(owner), own.size());

        assertThat(recent.requests()).isEqualTo(1);
        assertThat(recent.posts()).hasSize(own.size());
        for (int i = 0; i < own.size(); i++) {
            JsonNode view = own.get(i);
            JsonNode record = view.get("record");
            Post p = recent.posts().get(i);
            assertThat(p.id()).isEqualTo(view.get("uri").asText());
            assertThat(p.createdAt()).isEqualTo(Instant.parse(record.get("createdAt").asText()));
            assertThat(p.text()).isEqualTo(record.get("text").asText());
            assertThat(p.likes()).isEqualTo(view.get("likeCount").asLong());
            assertThat(p.replies()).isEqualTo(view.get("replyCount").asLong());
            assertThat(p.shares()).isEqualTo(view.get("repostCount").asLong() + view.get("quoteCount").asLong());
            assertThat(p.reply()).isEqualTo(record.has("reply"));
            assertThat(p.hashtags()).containsExactlyInAnyOrderElementsOf(facetValues(record, "tag", "tag").stream()
                    .map(t -> t.replaceFirst("^#", "").toLowerCase(Locale.ROOT)).distinct().toList());
            assertThat(p.mentions()).containsExactlyInAnyOrderElementsOf(facetValues(record, "mention", "did"));
            assertThat(p.links()).containsAll(facetValues(record, "link", "uri"));
            JsonNode embed = view.path("embed");
            JsonNode external = embed.has("external") ? embed.get("external") : embed.path("media").path("external");
            if (external.hasNonNull("uri")) {
                assertThat(p.links()).contains(external.get("uri").asText());
            }
        }
        assertThat(recent.sightings()).filteredOn(s -> s.via().equals("repost"))
                .extracting(s -> s.ref().value()).containsExactlyElementsOf(repostedAuthors);
    }

    @Test
    void aRecordedFollowersPageIsReadWithHandlesNamesAndDatesInOrder() throws Exception {
        RecordedCassette.Exchange answer = bskyr("g_followers.yml",
                "/xrpc/app.bsky.graph.getFollowers?actor=chriskenny.bsky.social");
        JsonNode json = JSON.readTree(answer.body());
        JsonNode followers = json.get("followers");
        String subject = json.get("subject").get("did").asText();
        server.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.graph.getFollowers")).willReturn(okJson(answer.body())));

        FollowerSample sample = client.followers(profile(subject), followers.size());

        assertThat(sample.requests()).isEqualTo(1);
        assertThat(sample.followers()).hasSize(followers.size());
        for (int i = 0; i < followers.size(); i++) {
            JsonNode view = followers.get(i);
            Account a = sample.followers().get(i);
            assertThat(a.id()).isEqualTo("bluesky:" + view.get("did").asText());
            assertThat(a.handle()).isEqualTo(view.get("handle").asText());
            assertThat(a.displayName()).isEqualTo(view.path("displayName").asText(""));
            assertThat(a.bio()).isEqualTo(view.path("description").asText(""));
            assertThat(a.hasAvatar()).isEqualTo(view.hasNonNull("avatar"));
            assertThat(a.createdAt()).contains(Instant.parse(view.get("createdAt").asText()));
        }
    }

    /** The {@code field} of every facet feature of the given kind ({@code app.bsky.richtext.facet#kind}). */
    private static List<String> facetValues(JsonNode record, String kind, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode facet : record.path("facets")) {
            for (JsonNode feature : facet.path("features")) {
                if (feature.path("$type").asText().equals("app.bsky.richtext.facet#" + kind)) {
                    out.add(feature.get(field).asText());
                }
            }
        }
        if (kind.equals("tag")) {
            record.path("tags").forEach(t -> out.add(t.asText()));
        }
        return out.stream().distinct().toList();
    }

    private static RecordedCassette.Exchange bskyr(String cassette, String pathAndQuery) {
        return RecordedCassette.load(ConformanceCorpus.file("bluesky", BSKYR + cassette)).get(pathAndQuery);
    }

    private ResolvedProfile profile(String did) {
        return new ResolvedProfile(Account.builder(new ProfileRef(Platform.BLUESKY, did)).build(), did, base);
    }

    private static String recorded(String name) throws IOException {
        return Files.readString(ConformanceCorpus.file("bluesky", TEST_DATA + name));
    }
}
