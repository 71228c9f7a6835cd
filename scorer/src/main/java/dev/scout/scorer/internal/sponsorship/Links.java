package dev.scout.scorer.internal.sponsorship;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads link targets without a URL parser (links are hostile text and may not be valid URIs): the host, whether
 * it is an affiliate or commerce host, a generic shortener, and the brand a link domain stands for.
 *
 * <p>Affiliate hosts follow platform-apis.md §5.2 and the networks of Mathur et al. 2018 (scoring.md §3.3),
 * re-expressed rather than copied. Pure and thread-safe.
 */
public final class Links {

    private static final Set<String> AFFILIATE_HOSTS = Set.of(
            "amzn.to", "a.co", "geni.us", "rstyle.me", "liketk.it", "shopltk.com", "shopmy.us", "howl.me",
            "howl.link", "go.magik.ly", "click.linksynergy.com", "awin1.com", "shareasale.com", "tidd.ly",
            "pntra.com", "pntrac.com", "pntrs.com", "pjatr.com", "pjtra.com", "gopjn.com", "anrdoezrs.net",
            "dpbolvw.net", "jdoqocy.com", "kqzyfj.com", "tkqlhce.com", "emjcd.com", "qksrv.net", "cj.dotomi.com",
            "go.skimresources.com", "go.redirectingat.com", "shopstyle.it", "7eer.net", "evyy.net",
            "hop.clickbank.net", "ad.zanox.com", "zenaps.com", "prf.hn", "shrsl.com");
    private static final Set<String> AFFILIATE_SUFFIXES = Set.of(".sjv.io", ".7eer.net", ".evyy.net");
    private static final Set<String> SHORTENERS = Set.of("bit.ly", "tinyurl.com", "linktr.ee", "ow.ly", "t.co",
            "buff.ly", "is.gd", "rebrand.ly", "lnkd.in");
    /** Sites that host content rather than sell it: a link there names no brand. */
    private static final Set<String> NOT_BRANDS = Set.of("youtube", "youtu", "instagram", "tiktok", "twitter", "x",
            "facebook", "bsky", "mastodon", "wikipedia", "google", "reddit", "substack", "medium", "github",
            "patreon", "ko-fi", "linktr", "bit", "tinyurl", "example");
    /** Query parameters that carry an affiliate id. "ref" is left out: plain referrer tags are everywhere. */
    /** Second-level labels under a two-letter country domain ("co.uk"): the brand is the label before them. */
    private static final Set<String> COUNTRY_SECOND_LEVELS = Set.of("co", "com", "org", "net", "ac");
    private static final String[] AFFILIATE_PARAMS = {"tag=", "aff=", "affid=", "aff_id=", "affiliate=",
            "affiliate_id=", "awinaffid=", "campid=", "afftrack="};

    private Links() {
    }

    /** Lower-case host without {@code www.} and port; empty when the text has no host. */
    public static String host(String url) {
        int scheme = url.indexOf("://");
        int from = scheme >= 0 ? scheme + 3 : 0;
        int end = url.length();
        for (int i = from; i < end; i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        String host = url.substring(from, end).toLowerCase(Locale.ROOT);
        int at = host.lastIndexOf('@');
        if (at >= 0) {
            host = host.substring(at + 1); // user:password@host
        }
        int colon = host.indexOf(':');
        if (colon >= 0) {
            host = host.substring(0, colon); // port
        }
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    /** The affiliate evidence of a link, e.g. "amzn.to link", or empty. */
    public static Optional<String> affiliate(String url) {
        return affiliate(url, host(url));
    }

    /** {@link #affiliate(String)} with the url's {@link #host} already read. */
    static Optional<String> affiliate(String url, String host) {
        if (AFFILIATE_HOSTS.contains(host)) {
            return Optional.of(host + " affiliate link");
        }
        for (String suffix : AFFILIATE_SUFFIXES) {
            if (host.endsWith(suffix)) {
                return Optional.of(host + " affiliate link");
            }
        }
        if (url.indexOf('?') < 0) {
            return Optional.empty(); // no query, no parameter: skips lower-casing the whole link
        }
        String lower = url.toLowerCase(Locale.ROOT);
        int query = lower.indexOf('?');
        if (query >= 0) {
            for (String param : AFFILIATE_PARAMS) {
                int at = lower.indexOf(param, query);
                if (at > 0 && (lower.charAt(at - 1) == '?' || lower.charAt(at - 1) == '&')) {
                    return Optional.of(host + " link with affiliate parameter " + param.substring(0, param.length() - 1));
                }
            }
        }
        return Optional.empty();
    }

    public static boolean isShortener(String url) {
        return SHORTENERS.contains(host(url));
    }

    static boolean isShortenerHost(String host) {
        return SHORTENERS.contains(host);
    }

    /**
     * The brand a link's domain stands for ("shop.oatly.example" → "oatly", a plain "amazon.de" page → "amazon"),
     * or empty for content sites, shorteners and affiliate links. An affiliate link ("amzn.to", an Amazon page
     * with {@code tag=}, a network redirect) is the creator's own commission on a retailer or network, not a deal
     * with a brand: the product's maker is hidden behind it, and counting the retailer would make every Amazon
     * Associate look like a partner of one more brand. The link still counts as affiliate evidence.
     */
    public static Optional<String> brand(String url) {
        String host = host(url);
        return brand(url, host, affiliate(url, host).isPresent());
    }

    /** {@link #brand(String)} with the url's host and affiliate verdict already known. */
    static Optional<String> brand(String url, String host, boolean affiliate) {
        if (host.isEmpty() || SHORTENERS.contains(host) || affiliate) {
            return Optional.empty();
        }
        // The last labels as host.split("\\.") would give them (trailing empty labels dropped), without the array.
        int end = host.length();
        while (end > 0 && host.charAt(end - 1) == '.') {
            end--;
        }
        int lastDot = end == 0 ? -1 : host.lastIndexOf('.', end - 1);
        if (lastDot < 0) {
            return Optional.empty(); // fewer than two labels
        }
        int secondDot = host.lastIndexOf('.', lastDot - 1);
        String second = host.substring(secondDot + 1, lastDot);
        boolean threeLabels = secondDot >= 0;
        String label = threeLabels && end - lastDot - 1 == 2 && COUNTRY_SECOND_LEVELS.contains(second)
                ? host.substring(host.lastIndexOf('.', secondDot - 1) + 1, secondDot) : second;
        String key = Brands.key(label);
        return key.isEmpty() || NOT_BRANDS.contains(key) ? Optional.empty() : Optional.of(key);
    }
}
