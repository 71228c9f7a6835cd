package dev.scout.simnet.population;

import java.util.Objects;

/** A piece of post text; each platform renders the pieces in its own format (HTML, facets, plain text). */
public sealed interface Segment {

    /** Plain text, rendered escaped. May hold hostile characters on purpose. */
    record Text(String text) implements Segment {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A hashtag as the author typed it (case kept), without {@code #}. */
    record Hashtag(String tag) implements Segment {
        public Hashtag {
            Objects.requireNonNull(tag, "tag");
        }
    }

    /** A mention of another account of the same platform, by its index in the population. */
    record Mention(int accountIndex) implements Segment {
    }

    /** A link: full target and the text shown for it. Affiliate hosts appear here but are never served. */
    record Link(String url) implements Segment {
        public Link {
            Objects.requireNonNull(url, "url");
        }
    }
}
