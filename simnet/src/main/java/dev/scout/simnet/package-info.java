/**
 * The simulated social network Scout's demo, tests and benchmarks crawl instead of the internet.
 *
 * <p>{@link dev.scout.simnet.SimulatedNetwork#start(dev.scout.simnet.SimConfig)} generates a seeded population and
 * starts one JDK HTTP server per simulated host, all on 127.0.0.1 with ephemeral ports:
 * <ul>
 *   <li>three Mastodon instances whose handle domains are fictional ({@code fika.example}, {@code fern.example},
 *       {@code oat.example}) while the API is served at {@code http://127.0.0.1:PORT} (LOCAL_DOMAIN ≠ WEB_DOMAIN);
 *       accounts are {@code user@fika.example}, account {@code url}s point at the loopback host;</li>
 *   <li>a Bluesky AppView at {@link dev.scout.simnet.SimulatedNetwork#blueskyBaseUrl()} ({@code /xrpc/...}), handles
 *       {@code name.sky.example}, DIDs {@code did:plc:...};</li>
 *   <li>a site of public profile pages at {@link dev.scout.simnet.SimulatedNetwork#webBaseUrl()} ({@code /u/<name>},
 *       index at {@code /}).</li>
 * </ul>
 * The latent truth (niche, engagement, sponsorship, fakes) lives in
 * {@link dev.scout.simnet.population.Population} and is never served; the ground truth for the demo niche comes from
 * {@link dev.scout.simnet.SimulatedNetwork#groundTruth()}.
 */
package dev.scout.simnet;
