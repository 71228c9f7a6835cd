package dev.scout.crawler.http;

import java.net.URI;
import java.util.Locale;

/** The politeness key of a URL: lower-case host plus explicit port, e.g. {@code 127.0.0.1:43121} or {@code mastodon.social:443}. */
public final class HostKey {
    private HostKey() {
    }

    public static String of(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        if (port < 0) {
            port = "http".equalsIgnoreCase(url.getScheme()) ? 80 : 443;
        }
        return host + ":" + port;
    }
}
