package dev.scout.crawler.platform.mastodon;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code rel="next"} target of an RFC 8288 {@code Link} header, as Mastodon sends it for paging. */
final class LinkHeader {
    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]*)*)");
    private static final Pattern REL_NEXT = Pattern.compile(";\\s*rel\\s*=\\s*\"?([^\";,]*)\"?", Pattern.CASE_INSENSITIVE);

    private LinkHeader() {
    }

    /** The next-page URL, empty when the header is absent, has no {@code next} or carries an unusable URI. */
    static Optional<URI> next(Optional<String> header) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = LINK.matcher(header.get());
        while (m.find()) {
            Matcher rel = REL_NEXT.matcher(m.group(2));
            while (rel.find()) {
                for (String r : rel.group(1).trim().split("\\s+")) {
                    if (r.equalsIgnoreCase("next")) {
                        try {
                            return Optional.of(URI.create(m.group(1).trim()));
                        } catch (IllegalArgumentException e) {
                            return Optional.empty();
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }
}
