package dev.scout.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns what a scout pastes (a profile URL, a handle, a {@code platform:} prefixed id) into a {@link ProfileRef}.
 *
 * <p>Pure and thread-safe. Every rejection is an {@link InvalidSeedException} whose message names the seed and
 * lists the accepted forms.
 */
public final class SeedParser {

    /** Shown in every error so a user can fix the seed without reading the docs. */
    public static final String ACCEPTED_FORMS = String.join("\n",
            "  https://mastodon.social/@user      (a Mastodon profile URL)",
            "  @user@host  or  mastodon:user@host (a Mastodon handle)",
            "  https://bsky.app/profile/HANDLE    or  bluesky:HANDLE  or  bluesky:did:plc:…",
            "  https://www.youtube.com/@handle    or  https://www.youtube.com/channel/UC…  or  youtube:UC…  or  youtube:@handle",
            "  https://www.instagram.com/HANDLE   or  instagram:HANDLE  (read through the official Graph API)",
            "  https://www.threads.net/@HANDLE    or  threads:HANDLE    (read through the official Threads API)",
            "  any other https:// profile page    (read through schema.org / OpenGraph markup)",
            "  tiktok:NAME  x:NAME (or twitter:NAME)  twitch:NAME"
                    + "  (export ids, for scout score --input; a leading @ is allowed)");

    private static final Set<String> RESTRICTED_HOSTS = Set.of("instagram.com", "tiktok.com");
    private static final Set<String> BLUESKY_WEB_HOSTS = Set.of("bsky.app", "staging.bsky.app");
    private static final Set<String> YOUTUBE_HOSTS = Set.of("youtube.com", "m.youtube.com");
    private static final Set<String> INSTAGRAM_HOSTS = Set.of("instagram.com", "m.instagram.com");
    private static final Set<String> THREADS_HOSTS = Set.of("threads.net", "threads.com");
    /** First path segments of instagram.com that are pages, not profiles. */
    private static final Set<String> INSTAGRAM_NOT_PROFILES = Set.of("p", "reel", "reels", "tv", "stories", "explore",
            "accounts", "direct", "about", "legal", "developer");
    /** Sites whose {@code /@user} paths are not Mastodon profiles. */
    private static final Set<String> NOT_MASTODON = Set.of("medium.com");

    private static final Pattern MASTODON_HANDLE = Pattern.compile("@?([A-Za-z0-9_.-]+)@([A-Za-z0-9.-]+(?::\\d+)?)");
    private static final Pattern YOUTUBE_CHANNEL_ID = Pattern.compile("UC[A-Za-z0-9_-]{22}");
    private static final Pattern YOUTUBE_HANDLE = Pattern.compile("@[A-Za-z0-9._-]{3,30}");
    /** Instagram and Threads user names: letters, digits, '.' and '_', at most 30 (Threads uses Instagram's). */
    private static final Pattern INSTAGRAM_NAME = Pattern.compile("[A-Za-z0-9._]{1,30}");
    private static final String INSTAGRAM_RULE = "letters, digits, '.' and '_', at most 30";
    /** TikTok user names: letters, digits, '.' and '_', 2 to 24. */
    private static final Pattern TIKTOK_NAME = Pattern.compile("[A-Za-z0-9._]{2,24}");
    /** X user names: letters, digits and '_', at most 15. */
    private static final Pattern X_NAME = Pattern.compile("[A-Za-z0-9_]{1,15}");
    /** Twitch logins: letters, digits and '_', 3 to 25 (older accounts have 3-letter logins). */
    private static final Pattern TWITCH_NAME = Pattern.compile("[A-Za-z0-9_]{3,25}");
    private static final Pattern BLUESKY_ACTOR = Pattern.compile("(did:(plc|web):[A-Za-z0-9._:%-]+)|([A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+)");

    private final boolean allowRestrictedSites;

    /** @param allowRestrictedSites true only when the operator has opted in to Instagram/TikTok pages (their terms forbid scraping). */
    public SeedParser(boolean allowRestrictedSites) {
        this.allowRestrictedSites = allowRestrictedSites;
    }

    public SeedParser() {
        this(false);
    }

    /** Parses one seed; throws {@link InvalidSeedException} naming the seed and the accepted forms. */
    public ProfileRef parse(String seed) {
        if (seed == null || seed.isBlank()) {
            throw new InvalidSeedException(String.valueOf(seed), "is empty");
        }
        String s = seed.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return parseUrl(seed, s);
        }
        int colon = s.indexOf(':');
        if (colon > 0 && !s.startsWith("@")) {
            String prefix = lower.substring(0, colon);
            String rest = s.substring(colon + 1).strip();
            switch (prefix) {
                case "mastodon":
                    return mastodonHandle(seed, rest);
                case "bluesky":
                case "bsky":
                    return bluesky(seed, rest);
                case "youtube":
                case "yt":
                    return youtube(seed, rest);
                case "instagram":
                case "ig":
                    return userName(seed, rest, Platform.INSTAGRAM, INSTAGRAM_NAME, INSTAGRAM_RULE);
                case "threads":
                    return userName(seed, rest, Platform.THREADS, INSTAGRAM_NAME, INSTAGRAM_RULE);
                case "web":
                    return parseUrl(seed, rest);
                case "tiktok":
                    return userName(seed, rest, Platform.TIKTOK, TIKTOK_NAME,
                            "letters, digits, '.' and '_', 2 to 24");
                case "x":
                case "twitter":
                    return userName(seed, rest, Platform.X, X_NAME, "letters, digits and '_', at most 15");
                case "twitch":
                    return userName(seed, rest, Platform.TWITCH, TWITCH_NAME, "letters, digits and '_', 3 to 25");
                default:
                    break;
            }
        }
        if (MASTODON_HANDLE.matcher(s).matches()) {
            return mastodonHandle(seed, s);
        }
        throw new InvalidSeedException(seed, "is not a profile URL or a recognised handle");
    }

    private ProfileRef mastodonHandle(String seed, String handle) {
        var m = MASTODON_HANDLE.matcher(handle);
        if (!m.matches()) {
            throw new InvalidSeedException(seed, "is not a Mastodon handle of the form user@host");
        }
        return ProfileRef.mastodon(m.group(1), m.group(2));
    }

    /** A user name on a platform whose names are case-insensitive: stored lower-case, without a leading @. */
    private static ProfileRef userName(String seed, String name, Platform platform, Pattern rule, String ruleText) {
        String n = name.startsWith("@") ? name.substring(1) : name;
        if (!rule.matcher(n).matches()) {
            throw new InvalidSeedException(seed, "is not a valid " + platform.key() + " user name (" + ruleText + ")");
        }
        return new ProfileRef(platform, n.toLowerCase(Locale.ROOT));
    }

    private ProfileRef bluesky(String seed, String actor) {
        String a = actor.startsWith("@") ? actor.substring(1) : actor;
        if (!BLUESKY_ACTOR.matcher(a).matches()) {
            throw new InvalidSeedException(seed, "is not a Bluesky handle (name.bsky.social) or DID (did:plc:…)");
        }
        return new ProfileRef(Platform.BLUESKY, a.startsWith("did:") ? a : a.toLowerCase(Locale.ROOT));
    }

    private ProfileRef youtube(String seed, String channel) {
        if (YOUTUBE_CHANNEL_ID.matcher(channel).matches()) {
            return new ProfileRef(Platform.YOUTUBE, channel);
        }
        String handle = channel.startsWith("@") ? channel : "@" + channel;
        if (YOUTUBE_HANDLE.matcher(handle).matches()) {
            return new ProfileRef(Platform.YOUTUBE, handle.toLowerCase(Locale.ROOT));
        }
        throw new InvalidSeedException(seed, "is not a YouTube channel id (UC + 22 characters) or @handle");
    }

    private ProfileRef parseUrl(String seed, String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidSeedException(seed, "is not a valid URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidSeedException(seed, "must be an http:// or https:// URL");
        }
        if (uri.getHost() == null) {
            throw new InvalidSeedException(seed, "has no host");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String bareHost = host.startsWith("www.") ? host.substring(4) : host;
        String authority = uri.getPort() > 0 ? host + ":" + uri.getPort() : host;
        String path = uri.getPath() == null ? "" : uri.getPath();
        String[] parts = path.split("/");

        // Profile URLs of Instagram and Threads name an account that the official APIs read: no page is scraped.
        if (INSTAGRAM_HOSTS.contains(bareHost) && parts.length == 2 && !parts[1].isEmpty()
                && !INSTAGRAM_NOT_PROFILES.contains(parts[1].toLowerCase(Locale.ROOT))
                && INSTAGRAM_NAME.matcher(parts[1]).matches()) {
            return userName(seed, parts[1], Platform.INSTAGRAM, INSTAGRAM_NAME, INSTAGRAM_RULE);
        }
        if (THREADS_HOSTS.contains(bareHost) && parts.length == 2 && parts[1].startsWith("@") && parts[1].length() > 1) {
            return userName(seed, parts[1], Platform.THREADS, INSTAGRAM_NAME, INSTAGRAM_RULE);
        }
        if (RESTRICTED_HOSTS.contains(bareHost) && !allowRestrictedSites) {
            throw new InvalidSeedException(seed, "points to " + bareHost + ", whose terms forbid automated collection;"
                    + " Scout does not scrape it by default. Use the platform's official API, or set"
                    + " platforms.web.allowRestrictedSites with platforms.web.restrictedSitesAcceptedBy to opt in");
        }
        if (BLUESKY_WEB_HOSTS.contains(bareHost) && parts.length >= 3 && parts[1].equals("profile")) {
            return bluesky(seed, parts[2]);
        }
        if (YOUTUBE_HOSTS.contains(bareHost) && parts.length >= 2) {
            if (parts[1].startsWith("@")) {
                return youtube(seed, parts[1]);
            }
            if (parts.length >= 3 && parts[1].equals("channel")) {
                return youtube(seed, parts[2]);
            }
            throw new InvalidSeedException(seed, "is a YouTube URL but not a channel (/@handle or /channel/UC…)");
        }
        boolean mastodonLike = !NOT_MASTODON.contains(bareHost) && !RESTRICTED_HOSTS.contains(bareHost)
                && !THREADS_HOSTS.contains(bareHost);
        if (mastodonLike && parts.length == 2 && parts[1].startsWith("@") && parts[1].length() > 1) {
            String handle = parts[1].substring(1);
            return handle.contains("@") ? mastodonHandle(seed, handle) : ProfileRef.mastodon(handle, authority);
        }
        return new ProfileRef(Platform.WEB, uri.normalize().toString());
    }
}
