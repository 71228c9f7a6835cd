package dev.scout.crawler.testing;

import com.github.tomakehurst.wiremock.WireMockServer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** TEST ONLY: stubs a small Mastodon instance on WireMock, one local account at a time. */
public final class MastodonStubs {
    private final WireMockServer server;
    private int nextId = 100;

    public MastodonStubs(WireMockServer server) {
        this.server = server;
    }

    /**
     * A local account with {@code posts} original posts tagged {@code tags}, the first of which mentions
     * {@code mentions}. Returns its account id.
     */
    public String account(String username, long followers, int posts, List<String> tags, List<String> mentions) {
        String id = Integer.toString(nextId++);
        server.stubFor(get(urlPathEqualTo("/api/v1/accounts/lookup")).withQueryParam("acct", equalTo(username))
                .willReturn(okJson(MastodonJson.account(id, username, followers, ""))));
        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < posts; i++) {
            statuses.add(MastodonJson.status(id + "00" + (1000 - i), id, username,
                    Instant.parse("2026-11-20T00:00:00Z").minusSeconds(3600L * i), followers / 20, 3, 4,
                    "tofu post " + i, tags, i == 0 ? mentions : List.of()));
        }
        server.stubFor(get(urlPathEqualTo("/api/v1/accounts/" + id + "/statuses"))
                .willReturn(okJson("[" + String.join(",", statuses) + "]")));
        return id;
    }

    /** The account's followers endpoint answers these local usernames. */
    public void followers(String accountId, List<String> usernames) {
        list(accountId, "followers", usernames);
    }

    /** The account's following endpoint answers these local usernames. */
    public void following(String accountId, List<String> usernames) {
        list(accountId, "following", usernames);
    }

    private void list(String accountId, String list, List<String> usernames) {
        List<String> accounts = new ArrayList<>();
        for (String u : usernames) {
            accounts.add(MastodonJson.account(Integer.toString(nextId++), u, 50, ""));
        }
        server.stubFor(get(urlPathEqualTo("/api/v1/accounts/" + accountId + "/" + list))
                .willReturn(okJson("[" + String.join(",", accounts) + "]")));
    }

    /** The tag timeline answers one status per author. */
    public void tag(String tag, List<String> authors) {
        List<String> statuses = new ArrayList<>();
        int i = 0;
        for (String a : authors) {
            statuses.add(MastodonJson.status("9" + (500 - i), "x" + i, a, Instant.parse("2026-11-25T00:00:00Z")
                    .minusSeconds(60L * i++), 5, 1, 1, "tag post", List.of(tag)));
        }
        server.stubFor(get(urlPathEqualTo("/api/v1/timelines/tag/" + tag))
                .willReturn(okJson("[" + String.join(",", statuses) + "]")));
    }
}
