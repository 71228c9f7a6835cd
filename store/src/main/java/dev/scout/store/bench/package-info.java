/** The store benchmark ({@link dev.scout.store.bench.StoreBenchmark}), kept in main code so the CLI can run it. */
package dev.scout.store.bench;
