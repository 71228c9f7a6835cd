package dev.scout.crawler.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** TEST ONLY: builds documented-format Mastodon JSON for pages too long to save by hand. */
public final class MastodonJson {
    private MastodonJson() {
    }

    /** An original public status by {@code acct} with the given counts and hashtags. */
    public static String status(String id, String accountId, String acct, Instant createdAt, long likes, long replies,
                                long boosts, String text, List<String> tags) {
        return status(id, accountId, acct, createdAt, likes, replies, boosts, text, tags, List.of());
    }

    /** As above, mentioning {@code mentions} (acct form, {@code user} or {@code user@domain}). */
    public static String status(String id, String accountId, String acct, Instant createdAt, long likes, long replies,
                                long boosts, String text, List<String> tags, List<String> mentions) {
        StringBuilder mentionJson = new StringBuilder();
        for (String m : mentions) {
            if (mentionJson.length() > 0) {
                mentionJson.append(',');
            }
            mentionJson.append("{\"id\":\"1\",\"username\":\"").append(m.split("@")[0])
                    .append("\",\"url\":\"https://x.example/@").append(m).append("\",\"acct\":\"").append(m).append("\"}");
        }
        StringBuilder tagJson = new StringBuilder();
        StringBuilder html = new StringBuilder("<p>").append(text);
        for (String t : tags) {
            if (tagJson.length() > 0) {
                tagJson.append(',');
            }
            tagJson.append("{\"name\":\"").append(t).append("\",\"url\":\"https://x.example/tags/").append(t).append("\"}");
            html.append(" <a href=\\\"https://x.example/tags/").append(t)
                    .append("\\\" class=\\\"mention hashtag\\\" rel=\\\"tag\\\">#<span>").append(t).append("</span></a>");
        }
        html.append("</p>");
        return "{\"id\":\"" + id + "\",\"created_at\":\"" + createdAt + "\",\"in_reply_to_id\":null,"
                + "\"in_reply_to_account_id\":null,\"sensitive\":false,\"spoiler_text\":\"\",\"visibility\":\"public\","
                + "\"uri\":\"https://x.example/s/" + id + "\",\"url\":\"https://x.example/@u/" + id + "\","
                + "\"replies_count\":" + replies + ",\"reblogs_count\":" + boosts + ",\"favourites_count\":" + likes + ","
                + "\"content\":\"" + html + "\",\"reblog\":null,"
                + "\"account\":{\"id\":\"" + accountId + "\",\"username\":\"" + acct.split("@")[0] + "\",\"acct\":\""
                + acct + "\"},\"media_attachments\":[],\"mentions\":[" + mentionJson + "],\"tags\":[" + tagJson + "],\"emojis\":[]}";
    }

    /** {@code n} statuses with descending ids starting below {@code firstId}. */
    public static String page(long firstId, int n, String accountId, String acct, List<String> tags) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long id = firstId - i;
            items.add(status(Long.toString(id), accountId, acct, Instant.parse("2026-11-01T00:00:00Z").minusSeconds(i * 3600L),
                    20 + i % 7, 2, 3, "post " + id, tags));
        }
        return "[" + String.join(",", items) + "]";
    }

    /** A modern account with the given counts. */
    public static String account(String id, String username, long followers, String extraJson) {
        return "{\"id\":\"" + id + "\",\"username\":\"" + username + "\",\"acct\":\"" + username + "\","
                + "\"display_name\":\"" + username + "\",\"locked\":false,\"bot\":false,\"discoverable\":true,"
                + "\"indexable\":true,\"group\":false,\"created_at\":\"2023-01-01T00:00:00.000Z\",\"note\":\"<p>hi</p>\","
                + "\"url\":\"https://x.example/@" + username + "\",\"avatar\":\"https://x.example/a/" + id + ".png\","
                + "\"header\":\"https://x.example/headers/original/missing.png\",\"followers_count\":" + followers + ","
                + "\"following_count\":100,\"statuses_count\":500,\"emojis\":[],\"fields\":[]"
                + (extraJson.isEmpty() ? "" : "," + extraJson) + "}";
    }
}
