package dev.scout.crawler.platform;

import java.util.List;

/** Authors found through a hashtag (each with the post that carried it) and the requests spent. */
public record TagDiscovery(List<Sighting> authors, int requests) {
    public TagDiscovery {
        authors = List.copyOf(authors);
    }

    public static TagDiscovery none() {
        return new TagDiscovery(List.of(), 0);
    }
}
