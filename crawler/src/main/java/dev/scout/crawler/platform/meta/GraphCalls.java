package dev.scout.crawler.platform.meta;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scout.crawler.http.Fetcher;
import dev.scout.crawler.platform.PlatformException;
import dev.scout.crawler.platform.PlatformHttp;
import dev.scout.crawler.platform.RequestCounter;
import dev.scout.model.Platform;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one way Scout calls a Meta Graph host (Instagram's {@code graph.facebook.com}, {@code graph.threads.net}):
 * the access token goes in an {@code Authorization: Bearer} header, never into a URL, so it cannot reach logs,
 * error messages, events or the stored response table (keyed by Accept + URL); the {@link UsageGate} may refuse
 * the call first (the fetcher's host pacer keeps usage under the ceiling; the gate reads Meta's time to regain
 * access); and Graph error codes become typed results
 * (throttled → QUOTA_EXHAUSTED with the wait, invalid token or missing permission → REJECTED for every further call,
 * temporary → UNAVAILABLE). Thread-safe.
 *
 * <p>Meta's examples pass {@code access_token} as a query parameter. Sending it as an OAuth 2.0 Bearer header is
 * what public Graph and Threads clients do [SECONDARY]; that Meta accepts it on every endpoint Scout calls is
 * [UNVERIFIED] by a stored Meta page.
 */
public final class GraphCalls {
    private static final Pattern TOKEN_PARAM = Pattern.compile("(?i)(access_token=)[^&#]*");

    private final Platform platform;
    private final PlatformHttp http;
    private final UsageGate gate;

    /** @param token the access token; only ever sent in the Authorization header */
    public GraphCalls(Fetcher fetcher, Platform platform, String token, UsageGate gate) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("platforms." + platform.key() + ".accessToken is required (got an empty token)");
        }
        this.platform = Objects.requireNonNull(platform, "platform");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.http = new PlatformHttp(fetcher, platform, GraphCalls::redact, Map.of("Authorization", "Bearer " + token),
                headers -> gate.observe(GraphUsage.parse(headers)));
    }

    /** GETs a Graph URL as JSON, counting the request in {@code counter} when it is sent. */
    public JsonNode get(URI url, String subject, RequestCounter counter) throws PlatformException, InterruptedException {
        gate.acquire(subject, redact(url));
        counter.add();
        try {
            return http.getJson(url, subject).body();
        } catch (PlatformException e) {
            throw classify(e, subject, url);
        }
    }

    public UsageGate gate() {
        return gate;
    }

    /** Requests sent so far. */
    public long requests() {
        return http.requests();
    }

    /** The Graph error in a failure, if it was one. */
    public static Optional<GraphError> graphError(PlatformException e) {
        return GraphError.parse(e.reasonCode());
    }

    private PlatformException classify(PlatformException e, String subject, URI url) {
        URI shown = redact(url);
        if (e.status().orElse(0) == 429) {
            // Graph throttles with error codes; a bare 429 (after the fetcher's own retries) means the same. It is
            // recorded as code 4 (application limit), the nearest Graph meaning.
            Instant until = gate.throttled(new GraphError(4, java.util.OptionalInt.empty()));
            return throttledException(subject, shown, e, "HTTP 429", until);
        }
        Optional<GraphError> g = graphError(e);
        if (g.isEmpty()) {
            return e;
        }
        GraphError error = g.get();
        if (error.throttled()) {
            return throttledException(subject, shown, e, error.toString(), gate.throttled(error));
        }
        if (error.tokenInvalid()) {
            String detail = "the access token was refused (" + error + "): it expired or was revoked; create a new"
                    + " long-lived token and set platforms." + platform.key() + ".accessToken (docs/CONFIG.md)";
            gate.fatal(detail);
            return new PlatformException(platform, subject, shown, PlatformException.Kind.REJECTED, e.status(), detail,
                    Optional.empty(), e).withReasonCode(e.reasonCode());
        }
        if (error.permissionOrBlock()) {
            String detail = "Meta refused the call (" + error + "): the app or token lacks a permission this call"
                    + " needs, or the app is blocked (see docs/CONFIG.md for the permissions per platform)";
            gate.fatal(detail);
            return new PlatformException(platform, subject, shown, PlatformException.Kind.REJECTED, e.status(), detail,
                    Optional.empty(), e).withReasonCode(e.reasonCode());
        }
        if (error.temporary()) {
            return new PlatformException(platform, subject, shown, PlatformException.Kind.UNAVAILABLE, e.status(),
                    "Meta reported a temporary problem (" + error + "); try again later", Optional.empty(), e)
                    .withReasonCode(e.reasonCode());
        }
        return e;
    }

    private PlatformException throttledException(String subject, URI url, PlatformException cause, String what,
                                                 Instant until) {
        return new PlatformException(platform, subject, url, PlatformException.Kind.QUOTA_EXHAUSTED, cause.status(),
                "Meta throttled Scout (" + what + "); no " + platform.key() + " calls until " + until, Optional.of(until),
                cause).withReasonCode(cause.reasonCode());
    }

    /** Hides an {@code access_token} query parameter, should one ever be in a URL (Scout never puts it there). */
    public static URI redact(URI url) {
        String s = url.toString();
        return TOKEN_PARAM.matcher(s).find() ? URI.create(TOKEN_PARAM.matcher(s).replaceAll("$1REDACTED")) : url;
    }
}
