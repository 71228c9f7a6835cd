package dev.scout.model;

import java.util.Locale;

/**
 * The platforms Scout reads. The {@link #key()} is the prefix of every stable profile id ({@code mastodon:user@host}).
 *
 * <p>The video flag says which denominator engagement is measured against: views on TikTok (every post is a video
 * and its view count is public), YouTube and Twitch (VODs and clips carry views); followers on Instagram, Threads
 * and X, whose posts are mostly images and text and whose published benchmarks divide by followers (scoring.md §2).
 * Instagram, TikTok, X, Threads and Twitch are read from {@code scout score --input} exports; they have no crawler.
 */
public enum Platform {
    MASTODON("mastodon", false),
    BLUESKY("bluesky", false),
    YOUTUBE("youtube", true),
    WEB("web", false),
    INSTAGRAM("instagram", false),
    THREADS("threads", false),
    TIKTOK("tiktok", true),
    X("x", false),
    TWITCH("twitch", true);

    /** The accepted keys, as error messages list them. */
    public static final String EXPECTED = "mastodon, bluesky, youtube, web, instagram, threads, tiktok, x (or twitter)"
            + " or twitch";

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
        if (k.equals("twitter")) {
            return X; // the platform's former name, still used by most export tools
        }
        for (Platform p : values()) {
            if (p.key.equals(k)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown platform '" + key + "' (expected " + EXPECTED + ")");
    }
}
