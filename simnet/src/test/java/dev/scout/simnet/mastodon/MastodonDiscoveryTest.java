package dev.scout.simnet.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scout.model.Platform;
import dev.scout.simnet.Http;
import dev.scout.simnet.MastodonInstance;
import dev.scout.simnet.SimConfig;
import dev.scout.simnet.SimulatedNetwork;
import dev.scout.simnet.population.AccountKind;
import dev.scout.simnet.population.SimAccount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Discovery paths a crawler uses: hashtag timelines, mentions, followers, the directory and WebFinger. */
class MastodonDiscoveryTest {

    static SimulatedNetwork network;

    @BeforeAll
    static void start() {
        network = SimulatedNetwork.start(SimConfig.builder().seed(42).noRateLimit()
                .referenceTime(Instant.parse("2026-11-20T00:00:00Z")).build());
    }

    @AfterAll
    static void stop() {
        network.close();
        assertThat(network.internalErrors()).isZero();
    }

    @Test
    void everyMastodonGroundTruthAccountAppearsInTheFirstTenPagesOfTheDemoTagTimelines() {
        Set<String> found = new HashSet<>();
        for (MastodonInstance instance : network.mastodonInstances()) {
            for (String tag : List.of("vegan", "plantbased")) {
                String url = instance.baseUrl() + "/api/v1/timelines/tag/" + tag + "?limit=40";
                for (int page = 0; page < 10 && url != null; page++) {
                    Http.Reply r = Http.get(url);
                    assertThat(r.status()).isEqualTo(200);
                    for (JsonNode s : r.json()) {
                        found.add("mastodon:" + s.get("account").get("username").asText() + "@" + instance.domain());
                        assertThat(s.get("tags").toString()).contains("\"name\":\"" + tag + "\"");
                    }
                    url = Http.next(r).orElse(null);
                }
            }
        }
        assertThat(network.groundTruth(Platform.MASTODON)).isNotEmpty();
        assertThat(found).containsAll(network.groundTruth(Platform.MASTODON));
    }

    @Test
    void unknownTagsAnswer404AndKnownTagsPaginate() {
        MastodonInstance fika = network.mastodonInstances().get(0);
        assertThat(Http.get(fika.baseUrl() + "/api/v1/timelines/tag/nosuchtagatall").status()).isEqualTo(404);
        Http.Reply first = Http.get(fika.baseUrl() + "/api/v1/timelines/tag/Vegan?limit=5");
        assertThat(first.json().size()).isEqualTo(5);
        Http.Reply second = Http.get(Http.next(first).orElseThrow());
        assertThat(second.json().get(0).get("id").asText()).isNotEqualTo(first.json().get(4).get("id").asText());
        assertThat(Long.parseLong(second.json().get(0).get("id").asText()))
                .isLessThan(Long.parseLong(first.json().get(4).get("id").asText()));
    }

    @Test
    void followersPaginateByLinkAndBoughtFollowersAreVisible() {
        SimAccount bought = network.population().on(Platform.MASTODON).stream()
                .filter(a -> a.latent().fakeKind() == dev.scout.simnet.population.FakeKind.BOUGHT_FOLLOWERS)
                .filter(a -> !a.flags().suspended() && network.population().followers(a.index()).size() > 100)
                .findFirst().orElseThrow();
        MastodonInstance home = home(bought);
        String id = Http.get(home.baseUrl() + "/api/v1/accounts/lookup?acct=" + bought.username()).json().get("id").asText();
        String url = home.baseUrl() + "/api/v1/accounts/" + id + "/followers?limit=80";
        List<JsonNode> followers = new ArrayList<>();
        while (url != null) {
            Http.Reply r = Http.get(url);
            assertThat(r.json().size()).isLessThanOrEqualTo(80);
            r.json().forEach(followers::add);
            url = Http.next(r).orElse(null);
        }
        assertThat(followers).hasSize(network.population().followers(bought.index()).size());
        long defaultAvatars = followers.stream().filter(f -> f.get("avatar").asText().endsWith("/avatars/original/missing.png")).count();
        assertThat((double) defaultAvatars / followers.size()).isGreaterThanOrEqualTo(0.25);
        assertThat(followers).anySatisfy(f -> assertThat(f.get("acct").asText()).contains("@"));
    }

    @Test
    void followingListIsTheReverseOfTheFollowerLists() {
        SimAccount follower = network.population().on(Platform.MASTODON).stream()
                .filter(a -> !a.flags().suspended() && !a.flags().locked() && network.population().following(a.index()).size() >= 2)
                .findFirst().orElseThrow();
        MastodonInstance home = home(follower);
        String id = Http.get(home.baseUrl() + "/api/v1/accounts/lookup?acct=" + follower.username()).json().get("id").asText();
        Http.Reply r = Http.get(home.baseUrl() + "/api/v1/accounts/" + id + "/following?limit=80");
        assertThat(r.json().size()).isEqualTo(Math.min(80, network.population().following(follower.index()).size()));
        for (int followed : network.population().following(follower.index())) {
            assertThat(network.population().followers(followed)).contains(follower.index());
        }
    }

    @Test
    void directoryListsOptedInProfilesByOffset() {
        MastodonInstance fern = network.mastodonInstances().get(1);
        JsonNode first = Http.get(fern.baseUrl() + "/api/v1/directory?limit=80").json();
        JsonNode second = Http.get(fern.baseUrl() + "/api/v1/directory?limit=80&offset=80").json();
        assertThat(first.size()).isEqualTo(80);
        assertThat(second.size()).isPositive();
        assertThat(first.get(0).get("id")).isNotEqualTo(second.get(0).get("id"));
        first.forEach(a -> {
            assertThat(a.get("discoverable").asBoolean()).isTrue();
            assertThat(a.get("acct").asText()).doesNotContain("@");
        });
        assertThat(Http.get(fern.baseUrl() + "/api/v1/directory?limit=500").json().size()).isLessThanOrEqualTo(80);
    }

    @Test
    void webfingerResolvesHandlesToTheApiHost() {
        SimAccount creator = network.population().on(Platform.MASTODON).stream()
                .filter(a -> a.kind() == AccountKind.CREATOR && !a.flags().suspended()).findFirst().orElseThrow();
        MastodonInstance home = home(creator);
        Http.Reply r = Http.get(home.baseUrl() + "/.well-known/webfinger?resource=acct:" + creator.handle());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/jrd+json"));
        JsonNode jrd = r.json();
        assertThat(jrd.get("subject").asText()).isEqualTo("acct:" + creator.handle());
        JsonNode self = null;
        for (JsonNode link : jrd.get("links")) {
            if (link.get("rel").asText().equals("self")) {
                self = link;
            }
        }
        assertThat(self).isNotNull();
        assertThat(self.get("type").asText()).isEqualTo("application/activity+json");
        assertThat(self.get("href").asText()).startsWith(home.baseUrl() + "/users/");
        assertThat(Http.get(home.baseUrl() + "/.well-known/webfinger?resource=acct:nobody@" + home.domain()).status()).isEqualTo(404);
    }

    @Test
    void instanceMetadataNamesTheHandleDomain() {
        MastodonInstance oat = network.mastodonInstances().get(2);
        assertThat(Http.get(oat.baseUrl() + "/api/v2/instance").json().get("domain").asText()).isEqualTo("oat.example");
        assertThat(Http.get(oat.baseUrl() + "/api/v1/instance").json().get("uri").asText()).isEqualTo("oat.example");
    }

    @Test
    void robotsTxtIsMastodonsDefault() {
        Http.Reply r = Http.get(network.mastodonInstances().get(2).baseUrl() + "/robots.txt");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("User-agent: *\nDisallow: /media_proxy/\nDisallow: /interact/")
                .contains("User-agent: GPTBot").contains("Disallow: /\n");
    }

    static MastodonInstance home(SimAccount a) {
        return network.mastodonInstances().stream().filter(i -> i.domain().equals(a.domain())).findFirst().orElseThrow();
    }
}
