package dev.scout.crawler.platform.mastodon;

import dev.scout.model.ProfileRef;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The syntax of a Mastodon {@code acct} ({@code user} or {@code user@domain}) as servers send it in accounts,
 * mentions and boosts. A server controls these strings, so they are checked before they become profile ids or
 * host names: a domain is DNS labels (letters, digits, hyphens, ASCII) with an optional {@code :port}, a user is
 * letters, digits, {@code _ . -}. Anything else ({@code x@127.0.0.1"><b>}) is refused. Stateless.
 */
final class Acct {
    /** Mastodon's own usernames are {@code [a-z0-9_]+}; other fediverse servers also use dots and hyphens. */
    private static final Pattern USER = Pattern.compile("[\\p{L}\\p{N}_.\\-]{1,64}");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?");
    private static final int MAX_DOMAIN = 253;

    private Acct() {
    }

    /**
     * {@code user} → {@code user@servingDomain}; {@code user@domain} kept; a leading {@code @} dropped. Empty when
     * the user or the domain is not valid.
     */
    static Optional<ProfileRef> parse(String acct, String servingDomain) {
        String a = acct.startsWith("@") ? acct.substring(1) : acct;
        int at = a.lastIndexOf('@');
        String user = at < 0 ? a : a.substring(0, at);
        String domain = at < 0 ? servingDomain : a.substring(at + 1);
        if (!USER.matcher(user).matches() || !validDomain(domain)) {
            return Optional.empty();
        }
        return Optional.of(ProfileRef.mastodon(user, domain));
    }

    /** True when {@code domain} ({@code host} or {@code host:port}) is a DNS name or IPv4 address a URL can carry. */
    static boolean validDomain(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        int colon = d.lastIndexOf(':');
        String host = colon < 0 ? d : d.substring(0, colon);
        if (colon >= 0) {
            String port = d.substring(colon + 1);
            if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65_535 || Integer.parseInt(port) == 0) {
                return false;
            }
        }
        if (host.isEmpty() || host.length() > MAX_DOMAIN || host.startsWith(".") || host.endsWith(".")) {
            return false;
        }
        for (String label : host.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }
}
