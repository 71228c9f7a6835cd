package dev.scout.app.demo;

import dev.scout.config.ConfigLoader;
import dev.scout.config.ScoutConfig;
import dev.scout.simnet.MastodonInstance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's config, built from the embedded {@code demo/scout-demo.yaml} and the simulated network's addresses,
 * and loaded through the same {@link ConfigLoader} as a user's file, so the demo exercises the real validation.
 */
public final class DemoConfig {
    /** Requests per second per simulated instance: under the simulator's advertised 300 per 5 s, as a polite crawler should be. */
    static final double REQUESTS_PER_SECOND = 50.0;

    private DemoConfig() {
    }

    public static ScoutConfig build(List<MastodonInstance> instances, Path store) {
        StringBuilder list = new StringBuilder();
        for (MastodonInstance i : instances) {
            list.append(String.format(Locale.ROOT, "      - url: %s%n        domain: %s%n        requestsPerSecond: %.1f%n",
                    i.baseUrl(), i.domain(), REQUESTS_PER_SECOND));
        }
        String yaml = template().replace("#INSTANCES#\n", list.toString());
        Map<String, String> vars = Map.of("DEMO_STORE", store.toAbsolutePath().toString());
        return new ConfigLoader(name -> Optional.ofNullable(vars.get(name)))
                .load(yaml, "demo/scout-demo.yaml (embedded)", store.getParent());
    }

    private static String template() {
        try (InputStream in = DemoConfig.class.getResourceAsStream("/demo/scout-demo.yaml")) {
            if (in == null) {
                throw new IllegalStateException("demo/scout-demo.yaml is missing from the jar; rebuild Scout");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedded demo config", e);
        }
    }
}
