package dev.scout.crawler.platform.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scout.model.Account;
import dev.scout.model.Post;
import dev.scout.model.ProfileRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Account and status JSON with wrong types, absurd numbers and hostile text never break the mapping. */
class MastodonHostileInputTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ProfileRef REF = ProfileRef.mastodon("x", "h.example");

    private static JsonNode json(String s) throws Exception {
        return MAPPER.readTree(s);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"followers_count\": 99999999999999999999999}",
            "{\"followers_count\": -5}",
            "{\"followers_count\": \"many\"}",
            "{\"followers_count\": 12.5}",
            "{\"followers_count\": null}",
            "{\"followers_count\": [1]}",
            "{}",
    })
    void unusableCountsReadAsUnknownNeverAsZeroOrAnError(String body) throws Exception {
        Account a = MastodonAccounts.toAccount(json(body), REF);

        assertThat(a.followers()).isEmpty();
        assertThat(a.ref()).isEqualTo(REF);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"note\": 5, \"display_name\": {\"a\": 1}, \"fields\": {\"not\": \"an array\"}, \"avatar\": false}",
            "{\"note\": \"<script>alert(1)</script><p>hi</p>\", \"fields\": [{\"value\": \"<a href=javascript:alert(1)>x</a>\"}]}",
            "{\"created_at\": \"yesterday\", \"bot\": \"yes\", \"locked\": 1}",
    })
    void wrongTypesAreToleratedAndMarkupNeverSurvives(String body) throws Exception {
        Account a = MastodonAccounts.toAccount(json(body), REF);

        assertThat(a.bio()).doesNotContain("<", ">");
        assertThat(a.website()).as("only http(s) links count as a website").isEmpty();
        assertThat(a.createdAt()).isEmpty();
        assertThat(MastodonAccounts.optOutReason(json(body))).isEmpty();
    }

    @Test
    void rightToLeftMarksEmojiAndFormulasAreKeptAsPlainText() throws Exception {
        Account a = MastodonAccounts.toAccount(json("{\"display_name\": \"\\u202eevil\\u202c 🌱\","
                + "\"note\": \"<p>=HYPERLINK(&quot;http://x.example&quot;,&quot;hi&quot;)</p>\"}"), REF);

        assertThat(a.displayName()).isEqualTo("\u202eevil\u202c 🌱");
        assertThat(a.bio()).isEqualTo("=HYPERLINK(\"http://x.example\",\"hi\")");
    }

    @Test
    void aStatusWithoutIdOrDateIsDroppedNotGuessed() throws Exception {
        assertThat(MastodonStatuses.toPost(json("{\"content\": \"<p>hi</p>\"}"), "h.example")).isEmpty();
        assertThat(MastodonStatuses.toPost(json("{\"id\": \"1\", \"created_at\": \"not a date\"}"), "h.example")).isEmpty();
    }

    @Test
    void negativeOrHugeEngagementCountsReadAsZero() throws Exception {
        Optional<Post> p = MastodonStatuses.toPost(json("{\"id\": \"1\", \"created_at\": \"2026-11-01T00:00:00Z\","
                + "\"favourites_count\": -3, \"reblogs_count\": 1e400, \"replies_count\": \"7\"}"), "h.example");

        assertThat(p).get().satisfies(post -> {
            assertThat(post.likes()).isZero();
            assertThat(post.shares()).isZero();
            assertThat(post.replies()).isEqualTo(7);
        });
    }
}
