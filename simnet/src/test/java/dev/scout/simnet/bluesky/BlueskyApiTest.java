package dev.scout.simnet.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scout.model.Platform;
import dev.scout.simnet.Http;
import dev.scout.simnet.SimConfig;
import dev.scout.simnet.SimulatedNetwork;
import dev.scout.simnet.population.AccountKind;
import dev.scout.simnet.population.SimAccount;
import dev.scout.simnet.population.SimPost;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BlueskyApiTest {

    static SimulatedNetwork network;
    static String base;

    @BeforeAll
    static void start() {
        network = SimulatedNetwork.start(SimConfig.builder().seed(42).size(800).noBlueskyRateLimit()
                .referenceTime(Instant.parse("2026-11-20T00:00:00Z")).build());
        base = network.blueskyBaseUrl() + "/xrpc/";
    }

    @AfterAll
    static void stop() {
        network.close();
        assertThat(network.internalErrors()).isZero();
    }

    static SimAccount creator(java.util.function.Predicate<SimAccount> filter) {
        return network.population().on(Platform.BLUESKY).stream().filter(a -> a.kind() == AccountKind.CREATOR)
                .filter(filter).findFirst().orElseThrow();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void searchActorsListsAccountsWhoseProfileHoldsEveryWordMostFollowedFirstAndPages() {
        JsonNode first = Http.get(base + "app.bsky.actor.searchActors?q=" + enc("plant-based cooking") + "&limit=5").json();
        List<JsonNode> actors = new ArrayList<>();
        first.get("actors").forEach(actors::add);
        assertThat(actors).hasSize(5);
        List<Long> followers = new ArrayList<>();
        for (JsonNode actor : actors) {
            SimAccount a = network.population().byDid(actor.get("did").asText()).orElseThrow();
            assertThat(a.platform()).isEqualTo(Platform.BLUESKY);
            assertThat((a.bio() + " " + a.displayName()).toLowerCase()).contains("plant").contains("based").contains("cooking");
            followers.add(a.followers());
        }
        assertThat(followers).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        JsonNode next = Http.get(base + "app.bsky.actor.searchActors?q=" + enc("plant-based cooking") + "&limit=5&cursor="
                + first.get("cursor").asText()).json();
        assertThat(next.get("actors").get(0).get("did").asText()).isNotIn(actors.stream().map(n -> n.get("did").asText()).toList());
        assertThat(Http.get(base + "app.bsky.actor.searchActors").status()).isEqualTo(400);
    }

    @Test
    void getProfileByHandleAndByDidGivesTheDetailedView() {
        SimAccount a = creator(x -> true);
        JsonNode byHandle = Http.get(base + "app.bsky.actor.getProfile?actor=" + enc(a.username())).json();
        JsonNode byDid = Http.get(base + "app.bsky.actor.getProfile?actor=" + enc(a.did().orElseThrow())).json();
        assertThat(byHandle).isEqualTo(byDid);
        assertThat(byHandle.get("did").asText()).startsWith("did:plc:");
        assertThat(byHandle.get("handle").asText()).endsWith(".sky.example");
        assertThat(byHandle.get("followersCount").asLong()).isEqualTo(a.followers());
        assertThat(byHandle.has("followsCount") && byHandle.has("postsCount") && byHandle.has("labels")).isTrue();
        assertThat(byHandle.has("viewer")).isFalse();
    }

    @Test
    void unknownActorsAreInvalidRequestsAndGetProfilesDropsThem() {
        Http.Reply r = Http.get(base + "app.bsky.actor.getProfile?actor=nobody.sky.example");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).isEqualTo("InvalidRequest");
        assertThat(r.json().get("message").asText()).isEqualTo("Profile not found");
        List<SimAccount> some = network.population().on(Platform.BLUESKY).stream().limit(24).toList();
        String query = some.stream().map(a -> "actors=" + enc(a.username())).collect(Collectors.joining("&"));
        JsonNode profiles = Http.get(base + "app.bsky.actor.getProfiles?" + query + "&actors=ghost.sky.example").json().get("profiles");
        assertThat(profiles.size()).isEqualTo(24);
        String tooMany = network.population().on(Platform.BLUESKY).stream().limit(26).map(a -> "actors=" + enc(a.username()))
                .collect(Collectors.joining("&"));
        assertThat(Http.get(base + "app.bsky.actor.getProfiles?" + tooMany).status()).isEqualTo(400);
    }

    @Test
    void authorFeedPaginatesByCursorAndMarksReposts() {
        SimAccount a = creator(x -> network.population().posts(x.index()).stream().anyMatch(SimPost::isRepost)
                && network.population().posts(x.index()).size() > 30);
        String url = base + "app.bsky.feed.getAuthorFeed?actor=" + enc(a.username()) + "&limit=25&filter=posts_no_replies";
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = Http.get(url + (cursor == null ? "" : "&cursor=" + enc(cursor))).json();
            page.get("feed").forEach(items::add);
            cursor = page.has("cursor") ? page.get("cursor").asText() : null;
        } while (cursor != null);
        long expected = network.population().posts(a.index()).stream().filter(p -> !p.isReply()).count();
        assertThat(items).hasSize((int) expected);
        List<JsonNode> reposts = items.stream().filter(i -> i.has("reason")).toList();
        assertThat(reposts).isNotEmpty().allSatisfy(i -> {
            assertThat(i.get("reason").get("$type").asText()).isEqualTo("app.bsky.feed.defs#reasonRepost");
            assertThat(i.get("reason").get("by").get("did").asText()).isEqualTo(a.did().orElseThrow());
            assertThat(i.get("post").get("author").get("did").asText()).isNotEqualTo(a.did().orElseThrow());
        });
        items.forEach(i -> assertThat(i.get("post").get("record").has("reply")).isFalse());
        assertThat(Http.get(base + "app.bsky.feed.getAuthorFeed?actor=" + enc(a.username()) + "&limit=101").status()).isEqualTo(400);
    }

    @Test
    void facetOffsetsAreUtf8ByteOffsetsEvenAfterEmoji() {
        int checked = 0;
        for (SimAccount a : network.population().on(Platform.BLUESKY)) {
            if (a.kind() != AccountKind.CREATOR || checked > 20) {
                continue;
            }
            JsonNode feed = Http.get(base + "app.bsky.feed.getAuthorFeed?actor=" + enc(a.username()) + "&limit=100").json().get("feed");
            for (JsonNode item : feed) {
                JsonNode record = item.get("post").get("record");
                String text = record.get("text").asText();
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                if (!record.has("facets")) {
                    continue;
                }
                boolean emojiFirst = text.codePointAt(0) > 0xFFFF;
                for (JsonNode facet : record.get("facets")) {
                    int start = facet.get("index").get("byteStart").asInt();
                    int end = facet.get("index").get("byteEnd").asInt();
                    String covered = new String(bytes, start, end - start, StandardCharsets.UTF_8);
                    JsonNode feature = facet.get("features").get(0);
                    switch (feature.get("$type").asText()) {
                        case "app.bsky.richtext.facet#tag" -> assertThat(covered).isEqualTo("#" + feature.get("tag").asText());
                        case "app.bsky.richtext.facet#mention" -> assertThat(covered).startsWith("@");
                        case "app.bsky.richtext.facet#link" -> assertThat(feature.get("uri").asText())
                                .startsWith("https://").contains(covered.replace("...", ""));
                        default -> throw new AssertionError("unexpected facet " + feature);
                    }
                    if (emojiFirst) {
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).as("facets checked after a leading emoji").isPositive();
    }

    @Test
    void followersPaginateByCursorAndListProfileViewsWithoutCounts() {
        SimAccount a = creator(x -> network.population().followers(x.index()).size() > 30);
        String url = base + "app.bsky.graph.getFollowers?actor=" + enc(a.did().orElseThrow()) + "&limit=20";
        JsonNode first = Http.get(url).json();
        assertThat(first.get("subject").get("did").asText()).isEqualTo(a.did().orElseThrow());
        assertThat(first.get("followers").size()).isEqualTo(20);
        assertThat(first.get("followers").get(0).has("followersCount")).isFalse();
        JsonNode second = Http.get(url + "&cursor=" + enc(first.get("cursor").asText())).json();
        assertThat(first.get("followers").size() + second.get("followers").size())
                .isLessThanOrEqualTo(network.population().followers(a.index()).size());
        assertThat(second.get("followers").get(0).get("did")).isNotEqualTo(first.get("followers").get(0).get("did"));
    }

    @Test
    void followsListTheAccountsTheActorFollows() {
        SimAccount a = network.population().on(Platform.BLUESKY).stream()
                .filter(x -> !network.population().following(x.index()).isEmpty()).findFirst().orElseThrow();
        JsonNode page = Http.get(base + "app.bsky.graph.getFollows?actor=" + enc(a.did().orElseThrow()) + "&limit=100").json();
        assertThat(page.get("subject").get("did").asText()).isEqualTo(a.did().orElseThrow());
        java.util.Set<String> expected = new java.util.HashSet<>();
        network.population().following(a.index()).forEach(i -> expected.add(network.population().account(i).did()
                .orElse(network.population().account(i).username())));
        java.util.Set<String> listed = new java.util.HashSet<>();
        page.get("follows").forEach(f -> listed.add(f.get("did").asText()));
        assertThat(listed).isNotEmpty().isSubsetOf(expected);
    }

    @Test
    void searchPostsIsForbiddenLikeThePublicHost() {
        Http.Reply r = Http.get(base + "app.bsky.feed.searchPosts?q=vegan");
        assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void optedOutProfilesCarryTheNoUnauthenticatedLabelAndTwinsNameTheirMastodonHandle() {
        SimAccount optedOut = network.population().on(Platform.BLUESKY).stream().filter(a -> a.flags().noUnauthenticated())
                .findFirst().orElseThrow();
        JsonNode labels = Http.get(base + "app.bsky.actor.getProfile?actor=" + enc(optedOut.username())).json().get("labels");
        assertThat(labels.toString()).contains("\"val\":\"!no-unauthenticated\"");
        SimAccount twin = network.population().on(Platform.BLUESKY).stream()
                .filter(a -> a.bio().contains("Also on Mastodon: @")).findFirst().orElseThrow();
        JsonNode profile = Http.get(base + "app.bsky.actor.getProfile?actor=" + enc(twin.username())).json();
        assertThat(profile.get("website").asText()).matches("https://[a-z]+\\.example/@.+");
        SimAccount mastodon = network.population().accounts().stream()
                .filter(a -> a.personId() == twin.personId() && a.platform() == Platform.MASTODON).findFirst().orElseThrow();
        assertThat(profile.get("description").asText()).contains("@" + mastodon.handle());
    }
}
