package dev.scout.app.pipeline;

import dev.scout.config.ScoutConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A short, stable fingerprint of a config, recorded with every run so two runs can be compared. Secrets are masked in the records' text, so they never reach the hash input in clear. */
final class ConfigHash {
    private ConfigHash() {
    }

    static String of(ScoutConfig config) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(config.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
