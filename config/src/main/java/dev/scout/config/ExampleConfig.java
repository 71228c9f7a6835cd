package dev.scout.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The commented example configuration that {@code scout init} writes; it is valid as shipped. */
public final class ExampleConfig {
    private static final String RESOURCE = "/scout-example.yaml";

    private ExampleConfig() {
    }

    /** The example's text (UTF-8, LF line ends). */
    public static String text() {
        try (InputStream in = ExampleConfig.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("scout-example.yaml is missing from the classpath; the build is broken");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scout-example.yaml from the classpath", e);
        }
    }
}
