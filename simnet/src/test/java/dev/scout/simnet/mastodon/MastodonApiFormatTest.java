package dev.scout.simnet.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scout.simnet.Http;
import dev.scout.simnet.MastodonInstance;
import dev.scout.simnet.SimConfig;
import dev.scout.simnet.SimulatedNetwork;
import dev.scout.simnet.population.AccountKind;
import dev.scout.simnet.population.SimAccount;
import dev.scout.simnet.population.SimPost;
import dev.scout.model.Platform;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MastodonApiFormatTest {

    static SimulatedNetwork network;
    static MastodonInstance fika;

    @BeforeAll
    static void start() {
        network = SimulatedNetwork.start(SimConfig.builder().seed(42).size(600).noRateLimit()
                .referenceTime(Instant.parse("2026-11-20T00:00:00Z")).build());
        fika = network.mastodonInstances().get(0);
    }

    @AfterAll
    static void stop() {
        network.close();
        assertThat(network.internalErrors()).isZero();
    }

    static SimAccount local(Predicate<SimAccount> filter) {
        return network.population().on(Platform.MASTODON).stream()
                .filter(a -> a.domain().equals(fika.domain())).filter(filter).findFirst().orElseThrow();
    }

    static JsonNode lookup(SimAccount a) {
        Http.Reply r = Http.get(fika.baseUrl() + "/api/v1/accounts/lookup?acct=" + a.username());
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    @Test
    void servesThreeInstancesWithExampleDomainsOnLoopback() {
        assertThat(network.mastodonInstances()).extracting(MastodonInstance::domain)
                .containsExactly("fika.example", "fern.example", "oat.example");
        assertThat(network.mastodonInstances()).allSatisfy(i -> assertThat(i.baseUrl()).startsWith("http://127.0.0.1:"));
    }

    @Test
    void lookupReturnsAnAccountWithTheDocumentedKeysAndTypes() {
        SimAccount a = local(x -> x.kind() == AccountKind.CREATOR && !x.flags().legacyFormat() && !x.flags().suspended()
                && x.flags().movedTo().isEmpty() && x.website().isEmpty());
        JsonNode n = lookup(a);
        assertThat(iterable(n.fieldNames())).containsExactly("id", "username", "acct", "display_name", "locked", "bot",
                "discoverable", "indexable", "group", "created_at", "note", "url", "uri", "avatar", "avatar_static", "header",
                "header_static", "followers_count", "following_count", "statuses_count", "last_status_at", "hide_collections",
                "noindex", "emojis", "roles", "fields");
        assertThat(n.get("id").isTextual()).isTrue();
        assertThat(n.get("acct").asText()).isEqualTo(a.username());
        assertThat(n.get("followers_count").isIntegralNumber()).isTrue();
        assertThat(n.get("followers_count").asLong()).isEqualTo(a.followers());
        assertThat(n.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT00:00:00\\.000Z");
        assertThat(n.get("last_status_at").asText()).matches("\\d{4}-\\d\\d-\\d\\d");
        assertThat(n.get("url").asText()).isEqualTo(fika.baseUrl() + "/@" + a.username());
        assertThat(Http.get(fika.baseUrl() + "/api/v1/accounts/" + n.get("id").asText()).json()).isEqualTo(n);
    }

    @Test
    void batchProfilesLeaveOutUnknownIds() {
        List<SimAccount> some = network.population().on(Platform.MASTODON).stream().filter(a -> a.domain().equals(fika.domain()))
                .limit(3).toList();
        StringBuilder url = new StringBuilder(fika.baseUrl() + "/api/v1/accounts?id[]=999");
        some.forEach(a -> url.append("&id[]=").append(lookup(a).get("id").asText()));
        JsonNode batch = Http.get(url.toString().replace("[", "%5B").replace("]", "%5D")).json();
        assertThat(batch.size()).isEqualTo(3);
        assertThat(batch.get(0).get("username").asText()).isEqualTo(some.get(0).username());
    }

    @Test
    void olderServerAccountsLeaveOutNewerKeys() {
        SimAccount a = network.population().on(Platform.MASTODON).stream()
                .filter(x -> x.flags().legacyFormat() && !x.flags().suspended()).findFirst().orElseThrow();
        MastodonInstance home = network.mastodonInstances().stream().filter(i -> i.domain().equals(a.domain())).findFirst().orElseThrow();
        JsonNode n = Http.get(home.baseUrl() + "/api/v1/accounts/lookup?acct=" + a.username()).json();
        assertThat(n.has("indexable")).isFalse();
        assertThat(n.has("noindex")).isFalse();
        assertThat(n.has("uri")).isFalse();
        assertThat(n.has("followers_count")).isTrue();
    }

    @Test
    void bioMarkupIsEscapedSoItBecomesLiteralText() {
        SimAccount a = network.population().on(Platform.MASTODON).stream()
                .filter(x -> x.bio().contains("<") && !x.flags().suspended()).findFirst().orElseThrow();
        MastodonInstance home = network.mastodonInstances().stream().filter(i -> i.domain().equals(a.domain())).findFirst().orElseThrow();
        String note = Http.get(home.baseUrl() + "/api/v1/accounts/lookup?acct=" + a.username()).json().get("note").asText();
        assertThat(note).startsWith("<p>").contains("&lt;").doesNotContain("<script").doesNotContain("<img");
    }

    @Test
    void unknownAndRemoteAccountsAnswerRecordNotFound() {
        Http.Reply unknown = Http.get(fika.baseUrl() + "/api/v1/accounts/lookup?acct=nobody_here");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"Record not found\"}");
        assertThat(Http.get(fika.baseUrl() + "/api/v1/accounts/lookup?acct=someone@fern.example").status()).isEqualTo(404);
        assertThat(Http.get(fika.baseUrl() + "/api/v1/accounts/123").status()).isEqualTo(404);
        assertThat(Http.get(fika.baseUrl() + "/api/v1/accounts/lookup").status()).isEqualTo(400);
    }

    @Test
    void statusesPaginateByLinkHeaderToTheEndCarryingFilters() {
        SimAccount a = local(x -> x.kind() == AccountKind.CREATOR && !x.flags().suspended() && !x.flags().locked()
                && network.population().posts(x.index()).stream().anyMatch(SimPost::isRepost));
        String id = lookup(a).get("id").asText();
        String url = fika.baseUrl() + "/api/v1/accounts/" + id + "/statuses?limit=7&exclude_reblogs=true";
        List<String> ids = new ArrayList<>();
        int pages = 0;
        while (url != null) {
            Http.Reply r = Http.get(url);
            assertThat(r.status()).isEqualTo(200);
            r.json().forEach(s -> {
                ids.add(s.get("id").asText());
                assertThat(s.get("reblog").isNull()).isTrue();
            });
            pages++;
            url = Http.next(r).orElse(null);
            if (url != null) {
                assertThat(url).contains("exclude_reblogs=true").contains("limit=7").contains("max_id=");
            }
        }
        long expected = network.population().posts(a.index()).stream().filter(p -> !p.isRepost()).count();
        assertThat(ids).hasSize((int) expected).doesNotHaveDuplicates();
        assertThat(pages).isGreaterThan(1);
    }

    @Test
    void statusesHaveTheDocumentedShapeIncludingBoostsAndReplies() {
        SimAccount a = local(x -> x.kind() == AccountKind.CREATOR && !x.flags().suspended() && !x.flags().locked()
                && network.population().posts(x.index()).stream().anyMatch(SimPost::isRepost)
                && network.population().posts(x.index()).stream().anyMatch(SimPost::isReply));
        String id = lookup(a).get("id").asText();
        JsonNode page = Http.get(fika.baseUrl() + "/api/v1/accounts/" + id + "/statuses?limit=40").json();
        assertThat(page.size()).isLessThanOrEqualTo(40);
        Set<String> seen = new HashSet<>();
        for (JsonNode s : page) {
            assertThat(s.get("id").isTextual()).isTrue();
            assertThat(s.get("favourites_count").isIntegralNumber()).isTrue();
            assertThat(s.has("reblogs_count") && s.has("replies_count") && s.has("tags") && s.has("mentions") && s.has("card")).isTrue();
            if (!s.get("reblog").isNull()) {
                seen.add("boost");
                assertThat(s.get("content").asText()).isEmpty();
                assertThat(s.get("reblog").get("account").get("id").asText()).isNotEqualTo(id);
                assertThat(s.get("reblog").get("content").asText()).startsWith("<p>");
            } else if (!s.get("in_reply_to_id").isNull()) {
                seen.add("reply");
                assertThat(s.get("in_reply_to_account_id").isTextual()).isTrue();
            } else {
                seen.add("original");
                assertThat(s.get("content").asText()).startsWith("<p>").endsWith("</p>");
                s.get("tags").forEach(t -> {
                    assertThat(t.get("name").asText()).isLowerCase();
                    assertThat(s.get("content").asText()).contains("class=\"mention hashtag\" rel=\"tag\"");
                });
            }
        }
        assertThat(seen).contains("original");
        JsonNode replies = Http.get(fika.baseUrl() + "/api/v1/accounts/" + id + "/statuses?limit=40&exclude_replies=true").json();
        replies.forEach(s -> assertThat(s.get("in_reply_to_id").isNull()).isTrue());
        assertThat(Http.get(fika.baseUrl() + "/api/v1/accounts/" + id + "/statuses?limit=500").json().size()).isLessThanOrEqualTo(40);
    }

    @Test
    void shortPagesHaveNoNextLink() {
        SimAccount a = local(x -> x.kind() == AccountKind.AUDIENCE && !network.population().posts(x.index()).isEmpty()
                && network.population().posts(x.index()).size() < 20);
        String id = lookup(a).get("id").asText();
        Http.Reply r = Http.get(fika.baseUrl() + "/api/v1/accounts/" + id + "/statuses");
        assertThat(Http.next(r)).isEmpty();
        assertThat(r.header("Link")).hasValueSatisfying(l -> assertThat(l).contains("rel=\"prev\""));
    }

    @Test
    void suspendedAccountsShowZeroCountsAndNoPosts() {
        SimAccount a = network.population().on(Platform.MASTODON).stream().filter(x -> x.flags().suspended()).findFirst().orElseThrow();
        MastodonInstance home = network.mastodonInstances().stream().filter(i -> i.domain().equals(a.domain())).findFirst().orElseThrow();
        JsonNode n = Http.get(home.baseUrl() + "/api/v1/accounts/lookup?acct=" + a.username()).json();
        assertThat(n.get("suspended").asBoolean()).isTrue();
        assertThat(n.get("followers_count").asLong()).isZero();
        assertThat(n.get("statuses_count").asLong()).isZero();
        assertThat(Http.get(home.baseUrl() + "/api/v1/accounts/" + n.get("id").asText() + "/statuses").json().size()).isZero();
    }

    @Test
    void movedAccountsEmbedTheirSuccessor() {
        SimAccount a = network.population().on(Platform.MASTODON).stream().filter(x -> x.flags().movedTo().isPresent()).findFirst().orElseThrow();
        MastodonInstance home = network.mastodonInstances().stream().filter(i -> i.domain().equals(a.domain())).findFirst().orElseThrow();
        JsonNode n = Http.get(home.baseUrl() + "/api/v1/accounts/lookup?acct=" + a.username()).json();
        SimAccount successor = network.population().account(a.flags().movedTo().get());
        assertThat(n.get("moved").get("acct").asText()).isEqualTo(successor.handle());
    }

    static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
