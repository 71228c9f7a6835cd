package dev.scout.app.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides which profile-supplied URLs may become links. Only absolute {@code http} and {@code https} URLs with a
 * host qualify; {@code javascript:}, {@code data:}, relative or malformed URLs are shown as text instead. Stateless.
 */
public final class Links {

    private Links() {
    }

    /** The URL to put in an {@code href} (still to be escaped), or empty when it must be rendered as text. */
    public static Optional<String> safeHref(String url) {
        if (url == null || url.isBlank() || url.length() > 2_000) {
            return Optional.empty();
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= 0x20 || c == 0x7F) {
                return Optional.empty();
            }
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(uri.toASCIIString());
        } catch (URISyntaxException e) {
            // Not a URL a browser would resolve the same way we checked it; show it as text.
            return Optional.empty();
        }
    }

    /** An escaped link to {@code url} labelled {@code label}, or the escaped label alone when the URL is not safe. */
    public static String anchor(String url, String label) {
        return safeHref(url)
                .map(href -> "<a href=\"" + Html.escape(href) + "\" rel=\"noopener noreferrer nofollow\">"
                        + Html.escape(label) + "</a>")
                .orElse(Html.escape(label));
    }
}
