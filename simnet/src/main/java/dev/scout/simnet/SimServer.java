package dev.scout.simnet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scout.simnet.population.SimAccount;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a {@link SimulatedNetwork} in its own JVM, so a benchmark can crawl a population far larger than the
 * crawler's own heap: {@code java -cp scout.jar dev.scout.simnet.SimServer --size 120000 --seeds-file seeds.txt}.
 *
 * <p>Prints one JSON line on stdout once every host listens ({@code mastodon} instances with domain and url,
 * {@code bluesky} and {@code web} base URLs, {@code accounts}, {@code generationMillis}), then serves until its
 * stdin closes (the parent died or closed the pipe) or it is killed. With {@code --seeds-file} it first writes
 * every account as a seed, one per line, in account order. Errors go to stderr with exit code 2.
 */
public final class SimServer {

    private SimServer() {
    }

    public static void main(String[] args) {
        SimServerOptions options;
        try {
            options = SimServerOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) { // InvalidSimConfigException included
            System.err.println("simnet: " + e.getMessage());
            System.err.println(SimServerOptions.USAGE);
            System.exit(2);
            return;
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        long start = System.nanoTime();
        try (SimulatedNetwork sim = SimulatedNetwork.start(options.config())) {
            long generationMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            options.seedsFile().ifPresent(file -> writeSeeds(sim, file));
            out.println(describe(sim, generationMillis));
            waitForEndOfInput(System.in);
        }
    }

    /** The one-line JSON description a parent process reads. */
    static String describe(SimulatedNetwork sim, long generationMillis) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode mastodon = root.putArray("mastodon");
        for (MastodonInstance i : sim.mastodonInstances()) {
            mastodon.addObject().put("domain", i.domain()).put("url", i.baseUrl());
        }
        root.put("bluesky", sim.blueskyBaseUrl());
        root.put("web", sim.webBaseUrl());
        root.put("accounts", sim.population().accounts().size());
        root.put("generationMillis", generationMillis);
        return root.toString();
    }

    /**
     * Every account as a seed Scout parses, one per line, in account order: the stable id
     * ({@code mastodon:user@domain}, {@code bluesky:did:plc:…}), or the page URL for a web profile.
     */
    static void writeSeeds(SimulatedNetwork sim, Path file) {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (SimAccount a : sim.population().accounts()) {
                String id = a.stableId(sim.webBaseUrl());
                w.write(id.startsWith("web:") ? id.substring("web:".length()) : id);
                w.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the seeds file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Blocks until {@code in} reaches its end or fails; a closed pipe means the parent is gone. */
    static void waitForEndOfInput(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // Input is ignored: only its end matters.
            }
        } catch (IOException e) {
            System.err.println("simnet: stdin failed (" + e.getMessage() + "); stopping");
        }
    }

    /** Parsed command line of {@link SimServer}. */
    record SimServerOptions(SimConfig config, Optional<Path> seedsFile) {

        static final String USAGE = "usage: SimServer [--seed N] [--size N] [--instances N]"
                + " [--mastodon-rate LIMIT/SECONDS | --mastodon-rate none] [--bluesky-rate LIMIT/SECONDS | none]"
                + " [--reference-time ISO-INSTANT] [--seeds-file PATH]";

        static SimServerOptions parse(List<String> args) {
            SimConfig.Builder b = SimConfig.builder();
            Optional<Path> seeds = Optional.empty();
            for (int i = 0; i < args.size(); i++) {
                String name = args.get(i);
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = args.get(++i);
                switch (name) {
                    case "--seed" -> b.seed(number(name, value));
                    case "--size" -> b.size((int) number(name, value));
                    case "--instances" -> b.mastodonDomains(domains((int) number(name, value)));
                    case "--mastodon-rate" -> rate(name, value).ifPresentOrElse(
                            p -> b.rateLimit(p.limit(), p.window(), true), b::noRateLimit);
                    case "--bluesky-rate" -> rate(name, value).ifPresentOrElse(
                            p -> b.blueskyRateLimit(p.limit(), p.window(), true), b::noBlueskyRateLimit);
                    case "--reference-time" -> b.referenceTime(instant(name, value));
                    case "--seeds-file" -> seeds = Optional.of(Path.of(value));
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            return new SimServerOptions(b.build(), seeds);
        }

        /** {@code n} instance domains: the three default ones, then {@code inst4.example}, {@code inst5.example}, … */
        static List<String> domains(int n) {
            if (n < 1 || n > 50) {
                throw new IllegalArgumentException("--instances must be between 1 and 50 (got " + n + ")");
            }
            List<String> base = List.of("fika.example", "fern.example", "oat.example");
            List<String> out = new ArrayList<>(base.subList(0, Math.min(n, base.size())));
            for (int i = base.size() + 1; i <= n; i++) {
                out.add("inst" + i + ".example");
            }
            return out;
        }

        private static Optional<RateLimitPolicy> rate(String name, String value) {
            if (value.equals("none")) {
                return Optional.empty();
            }
            String[] parts = value.split("/", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException(name + " must be LIMIT/SECONDS or none (got '" + value + "')");
            }
            return Optional.of(new RateLimitPolicy((int) number(name, parts[0]),
                    Duration.ofSeconds(number(name, parts[1])), true));
        }

        private static long number(String name, String value) {
            try {
                return Long.parseLong(value.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number (got '" + value + "')", e);
            }
        }

        private static Instant instant(String name, String value) {
            try {
                return Instant.parse(value);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException(name + " must be an ISO instant like 2026-11-20T00:00:00Z (got '"
                        + value + "')", e);
            }
        }
    }
}
