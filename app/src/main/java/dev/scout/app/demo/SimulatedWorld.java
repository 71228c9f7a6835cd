package dev.scout.app.demo;

import dev.scout.app.UsageException;
import dev.scout.app.pipeline.Console;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The simulated network's side of {@code scout demo}, {@code scout bench scale} and {@code scout bench fleet} (and
 * of {@code scout bench serve}, which needs no simulator but reuses the scale benchmark's child-JVM and heap
 * tooling). The product has no compile-time reference to the simulator: the {@code demo} module implements this
 * interface, registers it with {@link ServiceLoader} and is shaded into {@code scout.jar}; the commands find it
 * with {@link #find()}.
 * Implementations evaluate a run against the simulator's ground truth after the job, never inside it.
 */
public interface SimulatedWorld {

    /**
     * What {@code scout demo} was asked for.
     *
     * @param out    output folder; its store is replaced
     * @param size   accounts in the simulated network
     * @param seed   population seed
     * @param funnel false spends every request on every profile, to measure what the funnel saves
     */
    record DemoOptions(Path out, int size, long seed, boolean funnel) {
    }

    /**
     * What {@code scout bench scale} was asked for.
     *
     * @param profiles simulated accounts, all in the frontier
     * @param heap     -Xmx of the Scout JVM, e.g. {@code 256m}
     * @param dir      working folder
     * @param postgres crawl into PostgreSQL instead of a SQLite file: the server of {@code store}, or a throwaway one
     * @param store    the PostgreSQL server, {@code postgresql://user@host:port/database} (a role that may create
     *                 databases); empty for a throwaway server
     */
    record ScaleOptions(int profiles, String heap, Path dir, boolean postgres, java.util.Optional<String> store) {
    }

    /**
     * What {@code scout bench serve} was asked for.
     *
     * @param profiles generated profiles in the store
     * @param heap     -Xmx of the {@code scout serve} JVM, e.g. {@code 256m}
     * @param dir      working folder (a store generated there earlier for the same size is reused)
     * @param requests timed list requests
     * @param warmup   untimed list requests before them
     */
    record ServeOptions(int profiles, String heap, Path dir, int requests, int warmup) {
    }

    /**
     * What {@code scout bench fleet} was asked for.
     *
     * @param workers  worker counts to measure, each on a fresh database, in order (e.g. 1, 2, 4)
     * @param maxHosts hosts each worker leases at a time
     * @param store    a PostgreSQL server to use ({@code postgresql://user@host:port/database}, a role that may
     *                 create databases); empty = start a throwaway local one
     * @param profiles profiles in the frontier, spread evenly over the hosts
     * @param hostRate each host's advertised budget, requests per window
     * @param window   each host's rate-limit window
     * @param heap     -Xmx of each worker JVM, e.g. {@code 256m}
     * @param dir      working folder (configs, worker logs)
     * @param killOne  also measure the largest worker count with one worker killed (SIGKILL) mid-crawl
     */
    record FleetOptions(List<Integer> workers, int maxHosts, Optional<String> store, int profiles, int hostRate,
                        Duration window, String heap, Path dir, boolean killOne) {
        /** Simulated hosts of the benchmark (the issue asks for at least 8). */
        public static final int HOSTS = 8;
    }

    /**
     * Starts a simulated network, runs the whole job on it, then prints and writes the evaluation.
     *
     * @return the exit code
     * @throws UsageException when an option is out of the simulator's range
     */
    int demo(DemoOptions options, Console console) throws InterruptedException;

    /**
     * Runs the scale benchmark, printing progress and figures to {@code out}.
     *
     * @return the exit code: 0 when the crawl ran to its end
     * @throws UsageException when an option is out of range
     */
    int scale(ScaleOptions options, PrintStream out) throws InterruptedException;

    /**
     * Runs the serve benchmark, printing progress and figures to {@code out}.
     *
     * @return the exit code: 0 when the list page met its latency target
     * @throws UsageException when an option is out of range
     */
    int serve(ServeOptions options, PrintStream out) throws InterruptedException;

    /**
     * Runs the fleet benchmark, printing progress and figures to {@code out}.
     *
     * @return the exit code: 0 when every target was met
     * @throws UsageException when an option is out of range or no PostgreSQL server can be had
     */
    int fleet(FleetOptions options, PrintStream out) throws InterruptedException;

    /**
     * The simulator shipped with this build.
     *
     * @throws UsageException when none is on the class path (the {@code app} module alone, without {@code demo})
     */
    static SimulatedWorld find() {
        return ServiceLoader.load(SimulatedWorld.class).findFirst().orElseThrow(() -> new UsageException(
                "this build of Scout has no simulated network (the demo module is not on the class path); build"
                        + " the whole project with 'mvn -B -DskipTests package' and run app/target/scout.jar"));
    }
}
