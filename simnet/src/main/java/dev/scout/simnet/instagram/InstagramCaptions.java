package dev.scout.simnet.instagram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scout.simnet.population.Population;
import dev.scout.simnet.population.Segment;
import dev.scout.simnet.population.SimPost;

import java.time.format.DateTimeFormatter;

/** Renders a generated post as an IG Media object: plain-text caption, counts, a feed or reels shape. Stateless. */
final class InstagramCaptions {
    private InstagramCaptions() {
    }

    static ObjectNode mediaJson(ObjectMapper mapper, Population population, SimPost p, boolean hidesLikes,
                                DateTimeFormatter timestamp) {
        ObjectNode m = mapper.createObjectNode();
        m.put("id", String.valueOf(18_000_000_000_000_000L + p.id()));
        m.put("caption", caption(population, p));
        if (!hidesLikes) {
            m.put("like_count", p.likes());
        }
        // Shares are not readable through Business Discovery; comments are.
        m.put("comments_count", p.replies());
        m.put("timestamp", timestamp.format(p.createdAt()));
        boolean reel = Math.floorMod(p.id() * 31, 5) == 0;
        m.put("media_type", reel ? "VIDEO" : "IMAGE");
        m.put("media_product_type", reel ? "REELS" : "FEED");
        m.put("permalink", "https://www.instagram.com/" + (reel ? "reel/" : "p/") + Long.toString(p.id(), 36) + "/");
        if (reel) {
            m.put("view_count", p.engagements() * 12 + 100);
        }
        return m;
    }

    /** Captions are plain text: mentions as {@code @username}, links written out. */
    static String caption(Population population, SimPost p) {
        StringBuilder sb = new StringBuilder();
        for (Segment s : p.segments()) {
            if (s instanceof Segment.Text t) {
                sb.append(t.text());
            } else if (s instanceof Segment.Hashtag h) {
                sb.append('#').append(h.tag());
            } else if (s instanceof Segment.Mention mention) {
                sb.append('@').append(population.account(mention.accountIndex()).username());
            } else if (s instanceof Segment.Link l) {
                sb.append(l.url());
            }
        }
        return sb.toString().strip();
    }
}
