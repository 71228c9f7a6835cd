package dev.scout.crawler.platform.youtube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.scout.crawler.platform.LookupBatch;
import dev.scout.crawler.platform.ProfileLookup;
import dev.scout.crawler.platform.RecentPosts;
import dev.scout.crawler.platform.ResolvedProfile;
import dev.scout.crawler.testing.ConformanceCorpus;
import dev.scout.crawler.testing.SimpleTestFetcher;
import dev.scout.model.Account;
import dev.scout.model.Platform;
import dev.scout.model.Post;
import dev.scout.model.ProfileRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scout's YouTube client fed {@code channels.list}, {@code playlistItems.list} and {@code videos.list} answers of the
 * YouTube Data API v3 that the MIT-licensed python-youtube keeps as test data. Every expected value is read here from the same recorded JSON. The corpus is not
 * in this repository (docs/CONFORMANCE.md); without it these tests are skipped.
 */
class YouTubeConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API_DATA = "python-youtube/testdata/apidata/";
    private static final String MODEL_DATA = "python-youtube/testdata/modeldata/";

    private WireMockServer server;
    private SimpleTestFetcher fetcher;
    private YouTubeClient client;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        fetcher = new SimpleTestFetcher();
        QuotaBudget budget = new QuotaBudget(10_000, 0, Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"),
                ZoneOffset.UTC));
        client = new YouTubeClient(fetcher, URI.create("http://127.0.0.1:" + server.port() + "/youtube/v3"),
                "test-key", budget);
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.stop();
    }

    @Test
    void twoRecordedChannelsAreReadInOneCallWithSubscribersVideosHandlesAndUploads() throws Exception {
        checkChannels("channels/info_multiple.json");
    }

    @Test
    void aRecordedChannelWithoutContentDetailsFallsBackToTheDerivedUploadsPlaylist() throws Exception {
        checkChannels("channel_info_single.json");
    }

    private void checkChannels(String file) throws Exception {
        String body = Files.readString(ConformanceCorpus.file("youtube", API_DATA + file));
        JsonNode items = JSON.readTree(body).get("items");
        server.stubFor(get(urlPathEqualTo("/youtube/v3/channels")).willReturn(okJson(body)));
        List<ProfileRef> refs = new ArrayList<>();
        items.forEach(ch -> refs.add(new ProfileRef(Platform.YOUTUBE, ch.get("id").asText())));

        LookupBatch batch = client.lookup(refs);

        assertThat(batch.requests()).isEqualTo(1);
        for (int i = 0; i < items.size(); i++) {
            JsonNode ch = items.get(i);
            JsonNode snippet = ch.get("snippet");
            JsonNode stats = ch.get("statistics");
            assertThat(batch.results().get(i)).isInstanceOf(ProfileLookup.Found.class);
            ResolvedProfile p = ((ProfileLookup.Found) batch.results().get(i)).profile();
            Account a = p.account();
            assertThat(a.id()).isEqualTo("youtube:" + ch.get("id").asText());
            assertThat(a.displayName()).isEqualTo(snippet.get("title").asText());
            assertThat(a.bio()).isEqualTo(snippet.get("description").asText());
            assertThat(a.handle()).isEqualTo(snippet.get("customUrl").asText());
            assertThat(a.createdAt()).contains(Instant.parse(snippet.get("publishedAt").asText()));
            assertThat(a.hasAvatar()).isEqualTo(snippet.has("thumbnails"));
            assertThat(stats.get("hiddenSubscriberCount").asBoolean()).isFalse();
            assertThat(a.followers()).hasValue(Long.parseLong(stats.get("subscriberCount").asText()));
            assertThat(a.postsCount()).hasValue(Long.parseLong(stats.get("videoCount").asText()));
            // The uploads playlist is where the videos are read; the API documents it as "UU" + the id after "UC".
            String uploads = ch.path("contentDetails").path("relatedPlaylists").path("uploads")
                    .asText("UU" + ch.get("id").asText().substring(2));
            assertThat(p.nativeId()).isEqualTo(uploads);
        }
    }

    @Test
    void aRecordedUploadIsReadThroughItsPlaylistItemAndTheVideosAnswer() throws Exception {
        String item = Files.readString(ConformanceCorpus.file("youtube", MODEL_DATA + "playlist_items/playlist_item_info.json"));
        String videos = Files.readString(ConformanceCorpus.file("youtube", MODEL_DATA + "videos/video_api_response.json"));
        JsonNode recordedItem = JSON.readTree(item);
        String playlist = recordedItem.get("snippet").get("playlistId").asText();
        String videoId = recordedItem.get("contentDetails").get("videoId").asText();
        JsonNode video = JSON.readTree(videos).get("items").get(0);
        assertThat(video.get("id").asText()).as("the recorded video is the recorded item's").isEqualTo(videoId);
        // The recorded item alone, in the list envelope playlistItems.list sends.
        server.stubFor(get(urlPathEqualTo("/youtube/v3/playlistItems")).withQueryParam("playlistId", equalTo(playlist))
                .willReturn(okJson("{\"kind\": \"youtube#playlistItemListResponse\", \"items\": [" + item + "]}")));
        server.stubFor(get(urlPathEqualTo("/youtube/v3/videos")).withQueryParam("id", equalTo(videoId))
                .willReturn(okJson(videos)));
        ResolvedProfile channel = new ResolvedProfile(Account.builder(new ProfileRef(Platform.YOUTUBE,
                video.get("snippet").get("channelId").asText())).build(), playlist,
                URI.create("http://127.0.0.1:" + server.port()));

        RecentPosts recent = client.recentPosts(channel, 50);

        assertThat(recent.requests()).as("quota units: one page of the playlist, one videos call").isEqualTo(2);
        assertThat(recent.posts()).hasSize(1);
        Post post = recent.posts().get(0);
        JsonNode snippet = video.get("snippet");
        JsonNode stats = video.get("statistics");
        assertThat(post.id()).isEqualTo(videoId);
        assertThat(post.url()).isEqualTo("https://www.youtube.com/watch?v=" + videoId);
        assertThat(post.createdAt()).isEqualTo(Instant.parse(snippet.get("publishedAt").asText()));
        assertThat(post.text()).startsWith(snippet.get("title").asText())
                .endsWith(snippet.get("description").asText());
        // Counts are sent as strings.
        assertThat(post.likes()).isEqualTo(Long.parseLong(stats.get("likeCount").asText()));
        assertThat(post.replies()).isEqualTo(Long.parseLong(stats.get("commentCount").asText()));
        assertThat(post.views()).hasValue(Long.parseLong(stats.get("viewCount").asText()));
        List<String> tags = new ArrayList<>();
        snippet.get("tags").forEach(t -> tags.add(t.asText().replace(" ", "").toLowerCase(java.util.Locale.ROOT)));
        assertThat(post.hashtags()).containsAll(tags);
        List<String> links = new ArrayList<>();
        for (String word : snippet.get("description").asText().split("\\s+")) {
            if (word.startsWith("http")) {
                links.add(word);
            }
        }
        assertThat(links).isNotEmpty();
        assertThat(post.links()).containsExactlyElementsOf(links);
        assertThat(video.has("paidProductPlacementDetails")).isFalse();
        assertThat(post.platformLabels()).isEmpty();
        assertThat(post.repost()).isFalse();
        assertThat(post.reply()).isFalse();
    }
}
