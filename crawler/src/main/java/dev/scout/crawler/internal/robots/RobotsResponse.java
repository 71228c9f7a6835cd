package dev.scout.crawler.internal.robots;

/** How fetching {@code /robots.txt} went, as the robots cache needs to know it. */
public sealed interface RobotsResponse {

    /** 2xx with the file. */
    record Found(byte[] body, String contentType) implements RobotsResponse {
    }

    /** A 4xx other than 429: RFC 9309 §2.3.1.3 says crawl without restrictions. */
    record Unrestricted(int status) implements RobotsResponse {
    }

    /** 5xx, 429, I/O error or too large: RFC 9309 §2.3.1.4 says assume complete disallow, retry later. */
    record Unavailable(String reason) implements RobotsResponse {
    }

    /** The address guard refused the host itself. */
    record Refused(String address, String reason) implements RobotsResponse {
    }
}
