package dev.scout.demo;

import dev.scout.app.UsageException;
import dev.scout.app.demo.SimulatedWorld;
import dev.scout.app.pipeline.Console;
import dev.scout.demo.bench.BenchPostgres;
import dev.scout.demo.bench.ScaleBenchmark;
import dev.scout.demo.bench.ScaleResult;
import dev.scout.demo.bench.ServeBenchmark;
import dev.scout.demo.bench.ServeResult;
import dev.scout.demo.bench.fleet.FleetBenchmark;
import dev.scout.simnet.SimConfig;

import java.io.PrintStream;
import java.util.Optional;

/**
 * The simulated network behind {@code scout demo}, {@code scout bench scale} and {@code scout bench fleet}, and the
 * serve benchmark; registered with ServiceLoader.
 */
public final class DemoWorld implements SimulatedWorld {
    /** Population seed of the scale benchmark. */
    private static final long SCALE_SEED = 42;
    /** Seed of the serve benchmark's generated store and request mix. */
    private static final long SERVE_SEED = 18;

    @Override
    public int demo(DemoOptions options, Console console) throws InterruptedException {
        return DemoRun.run(options, console);
    }

    @Override
    public int scale(ScaleOptions o, PrintStream out) throws InterruptedException {
        if (o.profiles() < SimConfig.MIN_SIZE || o.profiles() > SimConfig.MAX_SIZE) {
            throw new UsageException("--profiles must be between " + SimConfig.MIN_SIZE + " and " + SimConfig.MAX_SIZE
                    + " (got " + o.profiles() + ")");
        }
        ScaleResult r;
        if (o.postgres()) {
            try (BenchPostgres pg = BenchPostgres.open(o.store())) {
                out.println("scale: PostgreSQL store on " + pg.describe());
                r = new ScaleBenchmark().run(new ScaleBenchmark.Options(o.profiles(), o.dir(), o.heap(), SCALE_SEED,
                        Optional.of(pg.freshDatabase("scout_scale"))), out);
            }
        } else {
            r = new ScaleBenchmark().run(new ScaleBenchmark.Options(o.profiles(), o.dir(), o.heap(), SCALE_SEED,
                    Optional.empty()), out);
        }
        out.println("files (store, config, GC log, histograms, outputs): " + o.dir());
        return r.exitCode() == 0 ? 0 : 1;
    }

    @Override
    public int fleet(FleetOptions o, PrintStream out) throws InterruptedException {
        boolean met = new FleetBenchmark().run(new FleetBenchmark.Settings(o.workers(), o.maxHosts(), o.store(),
                o.profiles(), o.hostRate(), o.window(), o.heap(), o.dir(), o.killOne()), out);
        out.println("files (configs, worker logs, outputs): " + o.dir());
        return met ? 0 : 1;
    }

    @Override
    public int serve(ServeOptions o, PrintStream out) throws InterruptedException {
        if (o.profiles() < 1 || o.profiles() > 1_000_000) {
            throw new UsageException("--profiles must be between 1 and 1000000 (got " + o.profiles() + ")");
        }
        if (o.requests() < 1 || o.warmup() < 0) {
            throw new UsageException("--requests must be at least 1 and --warmup 0 or more (got " + o.requests()
                    + " and " + o.warmup() + ")");
        }
        ServeResult r = new ServeBenchmark().run(new ServeBenchmark.Options(o.profiles(), o.dir(), o.heap(),
                o.requests(), o.warmup(), SERVE_SEED), out);
        out.println("files (store, GC log, histogram, server log): " + o.dir());
        return r.targetMet() ? 0 : 1;
    }
}
