package dev.scout.app.demo;

import dev.scout.config.ConfigLoader;
import dev.scout.config.ScoutConfig;
import dev.scout.model.Platform;
import dev.scout.simnet.MastodonInstance;
import dev.scout.simnet.SimulatedNetwork;
import dev.scout.simnet.instagram.GraphApi;
import dev.scout.simnet.population.AccountKind;
import dev.scout.simnet.population.Niche;
import dev.scout.simnet.population.SimAccount;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The demo's config, built from the embedded {@code demo/scout-demo.yaml} and the simulated network's addresses,
 * and loaded through the same {@link ConfigLoader} as a user's file, so the demo exercises the real validation.
 */
public final class DemoConfig {
    /** Requests per second per simulated instance: under the simulator's advertised 300 per 5 s, as a polite crawler should be. */
    static final double REQUESTS_PER_SECOND = 50.0;
    /** Well-known Bluesky creators of the niche a scout would start from. */
    static final int BLUESKY_SEEDS = 3;
    /** Well-known Instagram creators of the niche a scout would start from (Business Discovery has no search). */
    static final int INSTAGRAM_SEEDS = 5;

    private DemoConfig() {
    }

    public static ScoutConfig build(SimulatedNetwork sim, Path store) {
        return new ConfigLoader(name -> Optional.empty())
                .load(yaml(sim, store), "demo/scout-demo.yaml (embedded)", store.toAbsolutePath().getParent());
    }

    /** The demo config as YAML text, every placeholder filled in (tests run {@code scout run} on it in a child process). */
    public static String yaml(SimulatedNetwork sim, Path store) {
        StringBuilder list = new StringBuilder();
        for (MastodonInstance i : sim.mastodonInstances()) {
            list.append(String.format(Locale.ROOT, "      - url: %s%n        domain: %s%n        requestsPerSecond: %.1f%n",
                    i.baseUrl(), i.domain(), REQUESTS_PER_SECOND));
        }
        StringBuilder seeds = new StringBuilder();
        for (String seed : seeds(sim)) {
            seeds.append("  - \"").append(seed).append("\"\n");
        }
        String instagram = sim.instagramBaseUrl().map(url -> String.format(Locale.ROOT, "  instagram:%n"
                + "    enabled: true%n    baseUrl: %s%n    graphVersion: v25.0%n    igUserId: \"%s\"%n"
                + "    accessToken: \"%s\"   # the simulator's fictional token%n    requestsPerSecond: 20%n"
                + "    usageCeilingPct: 80%n", quoted(url), GraphApi.SCOUT_IG_USER_ID, GraphApi.DEMO_TOKEN)).orElse("");
        return template().replace("#INSTANCES#\n", list.toString()).replace("#SEEDS#\n", seeds.toString())
                .replace("#INSTAGRAM#\n", instagram)
                .replace("${DEMO_STORE}", quoted(store.toAbsolutePath().toString()))
                .replace("${DEMO_BLUESKY}", quoted(sim.blueskyBaseUrl()));
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * The best-known (most followed) niche creators on Bluesky within the follower range, and every public profile page of the simulated site
     * (a list a scout pasted). Discovery finds the rest.
     */
    static List<String> seeds(SimulatedNetwork sim) {
        List<String> seeds = new ArrayList<>();
        sim.population().on(Platform.BLUESKY).stream()
                .filter(a -> a.kind() == AccountKind.CREATOR && a.latent().primaryNiche().equals(Optional.of(Niche.demo())))
                .filter(a -> a.followers() >= 1_000 && a.followers() <= 100_000)
                .sorted(Comparator.comparingLong(SimAccount::followers).reversed())
                .limit(BLUESKY_SEEDS)
                .forEach(a -> seeds.add("bluesky:" + a.did().orElseThrow()));
        if (sim.instagramBaseUrl().isPresent()) {
            sim.population().on(Platform.INSTAGRAM).stream()
                    .filter(a -> a.kind() == AccountKind.CREATOR && !a.flags().locked()
                            && a.latent().primaryNiche().equals(Optional.of(Niche.demo())))
                    .filter(a -> a.followers() >= 1_000 && a.followers() <= 100_000)
                    .sorted(Comparator.comparingLong(SimAccount::followers).reversed())
                    .limit(INSTAGRAM_SEEDS)
                    .forEach(a -> seeds.add("instagram:" + a.username()));
        }
        sim.population().on(Platform.WEB).forEach(a -> seeds.add(a.stableId(sim.webBaseUrl()).substring("web:".length())));
        return seeds;
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
