package dev.scout.bench;

import one.profiler.AsyncProfiler;

import java.io.IOException;

/**
 * Where the scorer spends its CPU once warm: a CPU profile of {@link CpuPerProfile}'s rounds, taken with
 * async-profiler after a warm-up, in the "collapsed stacks" text format (one line per stack, frames joined by
 * {@code ;}, then the sample count). Sampling uses the {@code itimer} signal, which needs no perf events, so it
 * works on virtual machines that have none. Run it with {@code -XX:+UnlockDiagnosticVMOptions
 * -XX:+DebugNonSafepoints}; without that flag, the JVM can only attribute a sample to the nearest safepoint, and
 * samples of inlined code land on a neighbouring loop or stream (this is how string concatenations and a stream of
 * gates once looked like hot spots).
 *
 * <p>Run: {@code taskset -c 1 java -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -cp
 * bench/target/benchmarks.jar dev.scout.bench.SteadyProfile out.collapsed [warmupSeconds] [rounds]}
 */
public final class SteadyProfile {

    private SteadyProfile() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: SteadyProfile OUT_FILE [warmupSeconds (15)] [rounds (30)]");
            System.exit(2);
        }
        String warmup = args.length > 1 ? args[1] : "15";
        String rounds = args.length > 2 ? args[2] : "30";
        CpuPerProfile.main(new String[] {warmup, "1"});
        AsyncProfiler profiler = AsyncProfiler.getInstance(); // loads the library the jar carries for this platform
        profiler.execute("start,event=itimer,interval=500us");
        CpuPerProfile.main(new String[] {"0", rounds});
        profiler.execute("stop,file=" + args[0] + ",collapsed");
        System.out.println("profile: " + args[0]);
    }
}
