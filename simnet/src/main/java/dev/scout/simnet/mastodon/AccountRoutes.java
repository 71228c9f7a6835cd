package dev.scout.simnet.mastodon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scout.simnet.http.BadRequestException;
import dev.scout.simnet.http.SimRequest;
import dev.scout.simnet.http.SimResponse;
import dev.scout.simnet.population.SimAccount;
import dev.scout.simnet.population.SimPost;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The account endpoints of one instance. Profiles of remote accounts are served from the "cache" (any id the
 * network issued), but their statuses and followers are empty here: only the home instance knows them.
 */
final class AccountRoutes {

    private static final String NOT_FOUND = "{\"error\":\"Record not found\"}";
    /** Follow-record ids are internal; they only have to sort newest first. */
    private static final long FOLLOW_ID_BASE = 9_000_000_000L;

    private final String domain;
    private final MastodonDirectory directory;
    private final MastodonJson json;
    private final MastodonApi api;

    AccountRoutes(String domain, MastodonDirectory directory, MastodonJson json, MastodonApi api) {
        this.domain = domain;
        this.directory = directory;
        this.json = json;
        this.api = api;
    }

    SimResponse lookup(SimRequest r) {
        String acct = r.param("acct").map(String::trim).filter(s -> !s.isEmpty())
                .orElseThrow(() -> new BadRequestException("acct", "", "is missing or the value is empty"));
        String handle = acct.startsWith("@") ? acct.substring(1) : acct;
        int at = handle.lastIndexOf('@');
        String user = at < 0 ? handle : handle.substring(0, at);
        String host = at < 0 ? domain : handle.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!host.equals(domain)) {
            // Lookup skips WebFinger: a remote account this instance has not cached is unknown (reference §1.2).
            return SimResponse.json(404, NOT_FOUND);
        }
        return directory.local(domain, user).map(a -> api.write(200, json.account(a, domain)))
                .orElseGet(() -> SimResponse.json(404, NOT_FOUND));
    }

    SimResponse profile(String id) {
        return directory.byId(id).map(a -> api.write(200, json.account(a, domain)))
                .orElseGet(() -> SimResponse.json(404, NOT_FOUND));
    }

    SimResponse statuses(SimRequest r, String id) {
        Optional<SimAccount> account = directory.byId(id);
        if (account.isEmpty()) {
            return SimResponse.json(404, NOT_FOUND);
        }
        SimAccount a = account.get();
        boolean visible = a.domain().equals(domain) && !a.flags().suspended() && !a.flags().locked();
        Stream<SimPost> posts = visible ? directory.population().posts(a.index()).stream() : Stream.empty();
        if (r.flag("exclude_reblogs")) {
            posts = posts.filter(p -> !p.isRepost());
        }
        if (r.flag("exclude_replies")) {
            posts = posts.filter(p -> !p.isReply());
        }
        if (r.flag("pinned")) {
            posts = posts.filter(SimPost::pinned);
        }
        if (r.flag("only_media")) {
            posts = Stream.empty();
        }
        Optional<String> tagged = r.param("tagged").map(t -> t.toLowerCase(Locale.ROOT));
        if (tagged.isPresent()) {
            posts = posts.filter(p -> p.hashtags().stream().anyMatch(h -> h.equalsIgnoreCase(tagged.get())));
        }
        return api.pageOf(r, "/api/v1/accounts/" + id + "/statuses", posts.toList(), SimPost::id, 20, 40,
                p -> json.status(p, domain));
    }

    SimResponse followers(SimRequest r, String id) {
        return graph(r, id, "followers", true);
    }

    SimResponse following(SimRequest r, String id) {
        return graph(r, id, "following", false);
    }

    private SimResponse graph(SimRequest r, String id, String list, boolean followersList) {
        Optional<SimAccount> account = directory.byId(id);
        if (account.isEmpty()) {
            return SimResponse.json(404, NOT_FOUND);
        }
        SimAccount a = account.get();
        List<Integer> accounts = !a.domain().equals(domain) ? List.of()
                : followersList ? directory.population().followers(a.index()) : directory.population().following(a.index());
        List<long[]> records = new ArrayList<>(accounts.size());
        for (int i = 0; i < accounts.size(); i++) {
            records.add(new long[] {FOLLOW_ID_BASE - i, accounts.get(i)});
        }
        return api.pageOf(r, "/api/v1/accounts/" + id + "/" + list, records, rec -> rec[0], 40, 80,
                rec -> json.account(directory.population().account((int) rec[1]), domain));
    }

    SimResponse webfinger(SimRequest r) {
        String resource = r.param("resource").orElse("");
        if (resource.isEmpty()) {
            return SimResponse.text(400, "text/plain; charset=utf-8", "");
        }
        String handle = resource.startsWith("acct:") ? resource.substring(5) : resource;
        handle = handle.startsWith("@") ? handle.substring(1) : handle;
        int at = handle.lastIndexOf('@');
        if (at < 0 || !handle.substring(at + 1).equalsIgnoreCase(domain)) {
            return SimResponse.text(404, "text/plain; charset=utf-8", "");
        }
        Optional<SimAccount> account = directory.local(domain, handle.substring(0, at));
        if (account.isEmpty() || account.get().flags().suspended()) {
            return SimResponse.text(404, "text/plain; charset=utf-8", "");
        }
        SimAccount a = account.get();
        ObjectNode jrd = api.object();
        jrd.put("subject", "acct:" + a.username() + "@" + domain);
        jrd.putArray("aliases").add(directory.profileUrl(a)).add(directory.actorUri(a));
        var links = jrd.putArray("links");
        links.addObject().put("rel", "http://webfinger.net/rel/profile-page").put("type", "text/html")
                .put("href", directory.profileUrl(a));
        links.addObject().put("rel", "self").put("type", "application/activity+json").put("href", directory.actorUri(a));
        links.addObject().put("rel", "http://ostatus.org/schema/1.0/subscribe")
                .put("template", directory.baseUrl(domain) + "/authorize_interaction?uri={uri}");
        SimResponse ok = api.write(200, jrd);
        return new SimResponse(200, "application/jrd+json; charset=utf-8", ok.headers(), ok.body());
    }
}
