package dev.scout.crawler.platform.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scout.crawler.platform.Json;
import dev.scout.model.Account;
import dev.scout.model.ProfileRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps Mastodon Account JSON (reference §1.3) to {@link Account}. Every key added after 0.1.0 is optional; HTML in
 * {@code note} and field values becomes plain text. Stateless.
 */
final class MastodonAccounts {
    static final String LABEL_LOCKED = "locked";
    static final String LABEL_NOINDEX = "noindex";
    static final String LABEL_NOT_INDEXABLE = "not-indexable";
    static final String LABEL_MOVED = "moved";
    static final String LABEL_SUSPENDED = "suspended";
    static final String LABEL_LIMITED = "limited";
    static final String LABEL_MEMORIAL = "memorial";
    static final String LABEL_NOT_DISCOVERABLE = "not-discoverable";
    static final String LABEL_GROUP = "group";

    private MastodonAccounts() {
    }

    /**
     * The stable reference of an account JSON, resolving a local {@code acct} (no {@code @}) against the domain of
     * the server that sent it. Empty when neither {@code acct} nor {@code username} is present, or when it is not a
     * valid handle ({@link Acct}).
     */
    static Optional<ProfileRef> ref(JsonNode account, String servingDomain) {
        if (account == null) {
            return Optional.empty();
        }
        Optional<String> acct = Json.nonBlank(account, "acct").or(() -> Json.nonBlank(account, "username"));
        return acct.flatMap(a -> Acct.parse(a, servingDomain));
    }

    /** The account a moved profile points to, resolved like any {@code acct}. */
    static Optional<ProfileRef> movedTo(JsonNode json, String servingDomain) {
        return Json.object(json, "moved").flatMap(m -> ref(m, servingDomain));
    }

    /** Maps an account; {@code ref} is the reference it is filed under. */
    static Account toAccount(JsonNode json, ProfileRef ref) {
        Account.Builder b = Account.builder(ref)
                .handle(ref.value())
                .displayName(Json.textOr(json, "display_name", ""))
                .bio(MastodonHtml.text(Json.textOr(json, "note", "")))
                .profileUrl(Json.nonBlank(json, "url").orElse(""))
                .bot(Json.isTrue(json, "bot"))
                .hasAvatar(Json.nonBlank(json, "avatar").map(a -> !a.toLowerCase(Locale.ROOT).endsWith("missing.png"))
                        .orElse(false))
                .labels(labels(json));
        website(json).ifPresent(b::website);
        Json.count(json, "followers_count").ifPresent(b::followers);
        Json.count(json, "following_count").ifPresent(b::following);
        Json.count(json, "statuses_count").ifPresent(b::postsCount);
        Json.instant(json, "created_at").ifPresent(b::createdAt);
        return b.build();
    }

    /**
     * Why the account must not be scored, or empty when it may be. Order matters: a suspended or moved account is
     * reported as such even if it is also locked.
     */
    static Optional<String> optOutReason(JsonNode json) {
        if (Json.isTrue(json, "suspended")) {
            return Optional.of("suspended by its server");
        }
        if (Json.object(json, "moved").isPresent()) {
            return Optional.of("moved to " + Json.textOr(json.get("moved"), "acct", "another account"));
        }
        if (Json.isTrue(json, "memorial")) {
            return Optional.of("memorial account");
        }
        if (Json.isTrue(json, "noindex")) {
            return Optional.of("opted out of indexing (noindex)");
        }
        if (Json.isFalse(json, "indexable")) {
            return Optional.of("opted out of indexing (indexable: false)");
        }
        if (Json.isTrue(json, "locked")) {
            return Optional.of("locked (private) account");
        }
        if (Json.isTrue(json, "bot")) {
            return Optional.of("marked as a bot");
        }
        if (Json.isTrue(json, "limited")) {
            return Optional.of("limited (silenced) by its server");
        }
        return Optional.empty();
    }

    private static List<String> labels(JsonNode json) {
        List<String> labels = new ArrayList<>();
        if (Json.isTrue(json, "locked")) {
            labels.add(LABEL_LOCKED);
        }
        if (Json.isTrue(json, "noindex")) {
            labels.add(LABEL_NOINDEX);
        }
        if (Json.isFalse(json, "indexable")) {
            labels.add(LABEL_NOT_INDEXABLE);
        }
        if (Json.isFalse(json, "discoverable")) {
            labels.add(LABEL_NOT_DISCOVERABLE);
        }
        if (Json.object(json, "moved").isPresent()) {
            labels.add(LABEL_MOVED);
        }
        if (Json.isTrue(json, "suspended")) {
            labels.add(LABEL_SUSPENDED);
        }
        if (Json.isTrue(json, "limited")) {
            labels.add(LABEL_LIMITED);
        }
        if (Json.isTrue(json, "memorial")) {
            labels.add(LABEL_MEMORIAL);
        }
        if (Json.isTrue(json, "group")) {
            labels.add(LABEL_GROUP);
        }
        return labels;
    }

    /** A rel="me"-verified field link first, else the first field that holds a link. */
    private static Optional<String> website(JsonNode json) {
        List<JsonNode> fields = Json.array(json, "fields");
        Optional<String> verified = fields.stream()
                .filter(f -> Json.text(f, "verified_at").isPresent())
                .map(f -> MastodonHtml.firstLink(Json.textOr(f, "value", "")))
                .flatMap(Optional::stream).findFirst();
        return verified.or(() -> fields.stream()
                .map(f -> MastodonHtml.firstLink(Json.textOr(f, "value", "")))
                .flatMap(Optional::stream).findFirst());
    }
}
