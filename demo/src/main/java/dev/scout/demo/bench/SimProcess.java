package dev.scout.demo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The simulated network running in its own JVM ({@code dev.scout.simnet.SimServer}). Started with a heap sized to
 * the population; closing it closes the child's stdin, which ends it, and kills it if it lingers.
 */
final class SimProcess implements AutoCloseable {

    /** Addresses the simulator printed: Mastodon instances (domain, url), the Bluesky AppView and the web site. */
    record Addresses(List<Instance> mastodon, String bluesky, String web, int accounts, long generationMillis) {
        record Instance(String domain, String url) {
        }

        static Addresses parse(String line) {
            try {
                JsonNode n = new ObjectMapper().readTree(line);
                List<Instance> instances = new ArrayList<>();
                n.get("mastodon").forEach(i -> instances.add(new Instance(i.get("domain").asText(), i.get("url").asText())));
                return new Addresses(List.copyOf(instances), n.get("bluesky").asText(), n.get("web").asText(),
                        n.get("accounts").asInt(), n.get("generationMillis").asLong());
            } catch (IOException | NullPointerException e) {
                throw new BenchException("the simulator printed '" + line + "' instead of its addresses as JSON", e);
            }
        }
    }

    private final Process process;
    private final Addresses addresses;

    private SimProcess(Process process, Addresses addresses) {
        this.process = process;
        this.addresses = addresses;
    }

    /**
     * Starts the simulator and waits for its address line.
     *
     * @param log where the child's stderr goes
     */
    static SimProcess start(JavaCommand java, int accounts, long seed, int heapMiB, Path seedsFile, Path log) {
        List<String> args = new ArrayList<>(List.of("--size", Integer.toString(accounts), "--seed", Long.toString(seed),
                // Budgets far above what two cores can serve: the benchmark measures Scout, not the pacing.
                "--mastodon-rate", "5000/5", "--bluesky-rate", "5000/5", "--seeds-file", seedsFile.toString()));
        ProcessBuilder pb = java.builder(List.of("-Xmx" + heapMiB + "m", "-XX:+UseParallelGC"),
                "dev.scout.simnet.SimServer", args);
        pb.redirectError(log.toFile());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new BenchException("cannot start the simulator JVM (" + pb.command().get(0) + "): " + e.getMessage(), e);
        }
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null) {
                throw new BenchException("the simulator ended before printing its addresses; see " + log);
            }
            return new SimProcess(p, Addresses.parse(line));
        } catch (IOException e) {
            p.destroyForcibly();
            throw new UncheckedIOException("reading the simulator's output failed", e);
        } catch (RuntimeException e) {
            p.destroyForcibly();
            throw e;
        }
    }

    Addresses addresses() {
        return addresses;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
