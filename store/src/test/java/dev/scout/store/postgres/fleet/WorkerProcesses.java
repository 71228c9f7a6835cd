package dev.scout.store.postgres.fleet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Starts {@link FleetWorkerMain} processes, collects their output lines, sends them signals and cleans up. */
final class WorkerProcesses implements AutoCloseable {
    /** One started worker. */
    static final class Worker {
        final String id;
        final Process process;
        final List<String> lines = new CopyOnWriteArrayList<>();

        Worker(String id, Process process) {
            this.id = id;
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    lines.add("READ-FAILED " + e);
                }
            }, "worker-output-" + id);
            reader.setDaemon(true);
            reader.start();
        }

        long stored() {
            return lines.stream().filter(l -> l.startsWith("STORED ")).count();
        }

        boolean waitFor(long seconds) throws InterruptedException {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        }

        void signal(String signal) throws IOException, InterruptedException {
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IOException("kill -" + signal + " " + process.pid() + " failed");
            }
        }
    }

    private final List<Worker> started = new ArrayList<>();
    private final Path logs;

    WorkerProcesses() throws IOException {
        this.logs = Files.createTempDirectory("scout-fleet-workers-");
    }

    Worker start(String jdbcUrl, String id, long leaseMillis, double rate, int maxHosts, String heap)
            throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:TieredStopAtLevel=1", "-cp", classpath, FleetWorkerMain.class.getName(), jdbcUrl,
                id, String.valueOf(leaseMillis), String.valueOf(rate), String.valueOf(maxHosts));
        Process p = new ProcessBuilder(command).redirectError(logs.resolve(id + ".err").toFile()).start();
        Worker w = new Worker(id, p);
        started.add(w);
        return w;
    }

    String stderr(Worker w) throws IOException {
        return Files.readString(logs.resolve(w.id + ".err"));
    }

    @Override
    public void close() throws IOException {
        for (Worker w : started) {
            w.process.destroyForcibly();
        }
        try (var all = Files.walk(logs)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
