package dev.scout.simnet.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Per-host behaviour knobs.
 *
 * @param latency    delay before each response is sent (zero = answer at once)
 * @param faultRate  share of rate-limited requests answered with a simulated 503 (0 = off)
 * @param advertise  whether rate-limit headers are sent (429s are sent either way)
 * @param faultSeed  seed for choosing which requests fail
 */
public record HostOptions(Duration latency, double faultRate, boolean advertise, long faultSeed) {
    public HostOptions {
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must be >= 0 (got " + latency + ")");
        }
        if (faultRate < 0 || faultRate > 1) {
            throw new IllegalArgumentException("faultRate must be between 0 and 1 (got " + faultRate + ")");
        }
    }
}
