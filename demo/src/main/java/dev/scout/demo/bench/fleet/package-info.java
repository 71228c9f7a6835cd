/**
 * The fleet benchmark ({@code scout bench fleet}): simulated rate-limited hosts in this JVM, real {@code scout
 * worker} JVMs sharing one PostgreSQL (given, or a throwaway local server). Talks only to 127.0.0.1 and the given
 * server.
 */
package dev.scout.demo.bench.fleet;
