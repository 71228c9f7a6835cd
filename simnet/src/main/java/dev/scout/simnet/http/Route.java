package dev.scout.simnet.http;

/** Answers requests for one simulated host. Implementations are thread-safe and never block. */
@FunctionalInterface
public interface Route {
    SimResponse handle(SimRequest request);
}
