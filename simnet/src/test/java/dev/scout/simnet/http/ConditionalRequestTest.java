package dev.scout.simnet.http;

import dev.scout.model.Platform;
import dev.scout.simnet.Http;
import dev.scout.simnet.MastodonInstance;
import dev.scout.simnet.SimConfig;
import dev.scout.simnet.SimulatedNetwork;
import dev.scout.simnet.population.SimAccount;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Every 200 carries a strong ETag of its body; a client that already holds the body gets a 304 without it. */
class ConditionalRequestTest {
    static SimulatedNetwork network;

    @BeforeAll
    static void start() {
        network = SimulatedNetwork.start(SimConfig.builder().seed(42).size(300).noRateLimit().build());
    }

    @AfterAll
    static void stop() {
        network.close();
    }

    private static SimAccount mastodonAccount() {
        return network.population().on(Platform.MASTODON).stream()
                .filter(a -> !a.flags().suspended() && a.flags().movedTo().isEmpty())
                .findFirst().orElseThrow();
    }

    private static String lookupUrl(SimAccount a) {
        MastodonInstance home = network.mastodonInstances().stream().filter(i -> i.domain().equals(a.domain()))
                .findFirst().orElseThrow();
        return home.baseUrl() + "/api/v1/accounts/lookup?acct=" + a.username();
    }

    @Test
    void theSameBodyKeepsItsStrongEtagAndAMatchingIfNoneMatchGetsA304() {
        String url = lookupUrl(mastodonAccount());
        Http.Reply first = Http.get(url);
        Http.Reply again = Http.get(url);
        long before = network.notModifiedCount();

        Http.Reply conditional = Http.get(url, first.header("ETag"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("ETag")).hasValueSatisfying(tag -> assertThat(tag).matches("\"[0-9a-f]{32}\""));
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(conditional.status()).isEqualTo(304);
        assertThat(conditional.body()).isEmpty();
        assertThat(conditional.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(network.notModifiedCount()).isEqualTo(before + 1);
    }

    @Test
    void aStaleOrWeakListIsComparedAsTheStandardSays() {
        String url = network.webBaseUrl() + "/";
        String tag = Http.get(url).header("ETag").orElseThrow();

        assertThat(Http.get(url, Optional.of("\"0000\"")).status()).isEqualTo(200);
        assertThat(Http.get(url, Optional.of("\"0000\", W/" + tag)).status()).isEqualTo(304);
        assertThat(Http.get(url, Optional.of("*")).status()).isEqualTo(304);
    }

    @Test
    void anAccountThatGainedFollowersShowsThemUnderANewEtag() {
        SimAccount a = network.population().on(Platform.BLUESKY).get(0);
        String url = network.blueskyBaseUrl() + "/xrpc/app.bsky.actor.getProfile?actor=" + a.did().orElseThrow();
        Http.Reply before = Http.get(url);

        network.addFollowers(a.stableId(network.webBaseUrl()), 250);
        Http.Reply after = Http.get(url, before.header("ETag"));

        assertThat(after.status()).isEqualTo(200);
        assertThat(after.header("ETag")).isNotEqualTo(before.header("ETag"));
        assertThat(after.json().path("followersCount").asLong())
                .isEqualTo(before.json().path("followersCount").asLong() + 250)
                .isEqualTo(network.followersShown(a));
    }
}
