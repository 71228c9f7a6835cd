package dev.scout.simnet.bluesky;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scout.simnet.population.Population;
import dev.scout.simnet.population.Segment;
import dev.scout.simnet.population.SimAccount;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns post segments into a Bluesky post's {@code text} and richtext {@code facets} (reference §2.4): byte
 * offsets count UTF-8 bytes, so an emoji before a facet shifts it by four. Links show a shortened text while the
 * facet carries the full URI. When a post has three or more hashtags the last one goes to {@code record.tags}
 * instead of the text, as some clients do.
 *
 * @param text      the post text
 * @param facets    the facet array, sorted by {@code byteStart}
 * @param extraTags hashtags carried only in {@code record.tags}
 * @param firstLink the first link's full URI, for the external embed
 */
record RichText(String text, ArrayNode facets, List<String> extraTags, Optional<String> firstLink) {

    static RichText of(List<Segment> segments, Population population, ObjectMapper mapper) {
        long hashtagCount = segments.stream().filter(Segment.Hashtag.class::isInstance).count();
        Segment lastTag = null;
        if (hashtagCount >= 3) {
            for (Segment s : segments) {
                if (s instanceof Segment.Hashtag) {
                    lastTag = s;
                }
            }
        }
        StringBuilder text = new StringBuilder();
        int bytes = 0;
        ArrayNode facets = mapper.createArrayNode();
        List<String> extra = new ArrayList<>();
        String firstLink = null;
        for (Segment s : segments) {
            if (s == lastTag) {
                extra.add(((Segment.Hashtag) s).tag());
                continue;
            }
            String piece;
            ObjectNode feature = mapper.createObjectNode();
            if (s instanceof Segment.Text t) {
                piece = t.text();
                feature = null;
            } else if (s instanceof Segment.Hashtag h) {
                piece = "#" + h.tag();
                feature.put("$type", "app.bsky.richtext.facet#tag").put("tag", h.tag());
            } else if (s instanceof Segment.Mention m) {
                SimAccount target = population.account(m.accountIndex());
                piece = "@" + target.username();
                feature.put("$type", "app.bsky.richtext.facet#mention").put("did", target.did().orElseThrow());
            } else {
                String uri = ((Segment.Link) s).url();
                piece = shorten(uri);
                feature.put("$type", "app.bsky.richtext.facet#link").put("uri", uri);
                firstLink = firstLink == null ? uri : firstLink;
            }
            int length = piece.getBytes(StandardCharsets.UTF_8).length;
            if (feature != null) {
                ObjectNode facet = facets.addObject();
                facet.put("$type", "app.bsky.richtext.facet");
                facet.putObject("index").put("byteStart", bytes).put("byteEnd", bytes + length);
                facet.putArray("features").add(feature);
            }
            text.append(piece);
            bytes += length;
        }
        return new RichText(text.toString().stripTrailing(), facets, extra, Optional.ofNullable(firstLink));
    }

    /** What the Bluesky app shows for a link: host and path without the scheme, cut to 25 characters. */
    static String shorten(String uri) {
        String s = uri.replaceFirst("^https?://", "");
        return s.length() > 25 ? s.substring(0, 22) + "..." : s;
    }
}
