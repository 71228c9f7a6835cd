package dev.scout.crawler.platform.instagram;

import java.net.URI;
import java.util.Objects;

/**
 * How the Instagram adapter reaches the Graph API.
 *
 * @param baseUrl        {@code https://graph.facebook.com} (Instagram API with Facebook Login: the only one with
 *                       Business Discovery); no trailing slash
 * @param graphVersion   e.g. {@code v25.0}; pinned, since an unversioned call uses the app's creation version
 * @param igUserId       the scout's own professional Instagram account id, on whose behalf every lookup is made
 * @param mediaPerLookup media asked for with each profile lookup ({@code media.limit(N)}), so one call brings
 *                       the profile and its recent posts; capped at {@link #MAX_MEDIA_LIMIT}
 * @param hashtagSearch  whether the token may use {@code ig_hashtag_search} (Instagram Public Content Access)
 */
public record InstagramSettings(URI baseUrl, String graphVersion, String igUserId, int mediaPerLookup,
                                boolean hashtagSearch) {
    /**
     * Largest {@code media.limit(n)} Scout asks for. Meta documents no maximum; a public client caps it at 50
     * [SECONDARY], so Scout stays there [UNVERIFIED].
     */
    public static final int MAX_MEDIA_LIMIT = 50;

    public InstagramSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(graphVersion, "graphVersion");
        Objects.requireNonNull(igUserId, "igUserId");
        if (!igUserId.matches("\\d{1,30}")) {
            throw new IllegalArgumentException("platforms.instagram.igUserId must be the numeric id of the scout's own"
                    + " professional Instagram account, was '" + igUserId + "'");
        }
        mediaPerLookup = Math.max(1, Math.min(MAX_MEDIA_LIMIT, mediaPerLookup));
    }

    /** {@code base/version}, without a trailing slash. */
    String root() {
        String b = baseUrl.toString();
        return (b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + "/" + graphVersion;
    }
}
