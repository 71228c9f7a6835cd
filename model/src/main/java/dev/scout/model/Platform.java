package dev.scout.model;

import java.util.Locale;

/** The platforms Scout reads. The {@link #key()} is the prefix of every stable profile id ({@code mastodon:user@host}). */
public enum Platform {
    MASTODON("mastodon", false),
    BLUESKY("bluesky", false),
    YOUTUBE("youtube", true),
    WEB("web", false),
    INSTAGRAM("instagram", false),
    THREADS("threads", false);

    private final String key;
    private final boolean video;

    Platform(String key, boolean video) {
        this.key = key;
        this.video = video;
    }

    /** Lower-case name used in ids, config keys and output columns. */
    public String key() {
        return key;
    }

    /** True where engagement is measured against views rather than followers. */
    public boolean isVideo() {
        return video;
    }

    /** Looks a platform up by its key, case-insensitively; throws {@link IllegalArgumentException} naming the valid keys. */
    public static Platform fromKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        for (Platform p : values()) {
            if (p.key.equals(k)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown platform '" + key + "' (expected mastodon, bluesky, youtube, web, instagram or threads)");
    }
}
