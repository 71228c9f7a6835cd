package dev.scout.simnet.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Strong entity tags as real servers send them (Mastodon's Rails stack sends a strong ETag from the body digest):
 * the hash of the body, so an unchanged resource keeps its tag across requests and restarts of a crawl.
 */
final class EntityTags {
    private EntityTags() {
    }

    /** {@code "<first 128 bits of the body's SHA-256, hex>"}, quoted as RFC 9110 requires. */
    static String of(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Whether an {@code If-None-Match} header matches {@code etag}: {@code *}, or one of a comma-separated list,
     * compared weakly (a {@code W/} prefix is ignored) as RFC 9110 §13.1.2 asks for this header.
     */
    static boolean matches(Optional<String> ifNoneMatch, String etag) {
        if (ifNoneMatch.isEmpty()) {
            return false;
        }
        String wanted = opaque(etag);
        for (String candidate : ifNoneMatch.get().split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || opaque(c).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

}
