package dev.scout.demo;

import dev.scout.config.ConfigLoader;
import dev.scout.config.ScoutConfig;
import dev.scout.simnet.MastodonInstance;
import dev.scout.simnet.SimulatedNetwork;
import dev.scout.simnet.instagram.GraphApi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
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
    /** A scout pastes the first page of a Bluesky search for the niche (25 accounts, the API's default page). */
    static final int BLUESKY_SEEDS = 25;
    /** What the scout types into the Bluesky search: the niche's name, as in the demo config. */
    static final String BLUESKY_QUERY = "plant-based cooking";

    private DemoConfig() {
    }

    public static ScoutConfig build(SimulatedNetwork sim, Path store) throws InterruptedException {
        return new ConfigLoader(name -> Optional.empty())
                .load(yaml(sim, store), "demo/scout-demo.yaml (embedded)", store.toAbsolutePath().getParent());
    }

    /** The demo config as YAML text, every placeholder filled in (tests run {@code scout run} on it in a child process). */
    public static String yaml(SimulatedNetwork sim, Path store) throws InterruptedException {
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
     * What a scout could know before crawling: the first accounts the public Bluesky search lists for the niche
     * (Bluesky's hashtag search is closed to anonymous clients), and the profile pages the simulated site lists on
     * its public index page (a list a scout pasted). Discovery finds the rest. Nothing here reads the simulator's
     * hidden population.
     */
    static List<String> seeds(SimulatedNetwork sim) throws InterruptedException {
        List<String> seeds = new ArrayList<>();
        List<BlueskySearch.Actor> found = new BlueskySearch(sim.blueskyBaseUrl()).firstActors(BLUESKY_QUERY, BLUESKY_SEEDS);
        found.forEach(actor -> seeds.add("bluesky:" + actor.did()));
        if (sim.instagramBaseUrl().isPresent()) {
            // Business Discovery has no search: a scout tries the names of the creators found on Bluesky on
            // Instagram too; names that are not there (or are personal accounts) end as skipped with a reason.
            found.forEach(actor -> instagramName(actor.handle()).ifPresent(name -> seeds.add("instagram:" + name)));
        }
        new WebIndex(sim.webBaseUrl()).profilePages().forEach(seeds::add);
        return seeds;
    }

    /** The Instagram user name a scout would try for a Bluesky handle: its first label, in Instagram's alphabet. */
    static Optional<String> instagramName(String blueskyHandle) {
        int dot = blueskyHandle.indexOf('.');
        String name = (dot < 0 ? blueskyHandle : blueskyHandle.substring(0, dot)).toLowerCase(java.util.Locale.ROOT)
                .replace('-', '_').replaceAll("[^a-z0-9._]", "");
        return name.isEmpty() || name.length() > 30 ? Optional.empty() : Optional.of(name);
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
