package dev.scout.app.serve;

import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a request may be answered at all, before any route runs.
 *
 * <p>With a token ({@link ServeSettings#TOKEN_ENV}): every request must carry it, as {@code Authorization: Bearer …},
 * as the cookie this guard sets, or once as {@code ?token=…} (which sets that cookie: HttpOnly, SameSite=Strict).
 * Compared in constant time.
 *
 * <p>Without a token the app listens on loopback only, and the {@code Host} header must name loopback too
 * ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}): a web page elsewhere cannot read the app through a DNS name
 * it points at 127.0.0.1 (DNS rebinding). Thread-safe.
 */
final class AccessGuard {
    static final String COOKIE = "scout_token";
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private final Optional<byte[]> token;
    private final String bind;

    AccessGuard(ServeSettings settings) {
        this.token = settings.token().map(t -> t.getBytes(StandardCharsets.UTF_8));
        this.bind = settings.bind().toLowerCase(Locale.ROOT);
    }

    /** @throws RequestRefused 401 without the right token, 421 for a foreign Host on a token-less app */
    void check(Context ctx) {
        if (token.isEmpty()) {
            checkHost(ctx.header("Host"));
            return;
        }
        String fromQuery = ctx.queryParam("token");
        Optional<String> offered = bearer(ctx.header("Authorization"))
                .or(() -> Optional.ofNullable(ctx.cookie(COOKIE)))
                .or(() -> Optional.ofNullable(fromQuery));
        if (offered.isEmpty() || !MessageDigest.isEqual(offered.get().getBytes(StandardCharsets.UTF_8), token.get())) {
            throw new RequestRefused(401, "This review app needs its access token. Open it once as /?token=… with the"
                    + " value of " + ServeSettings.TOKEN_ENV + " that it was started with (or send"
                    + " 'Authorization: Bearer …').");
        }
        if (fromQuery != null && offered.get().equals(fromQuery)) {
            ctx.res().addHeader("Set-Cookie", COOKIE + "=" + fromQuery + "; Path=/; HttpOnly; SameSite=Strict");
        }
    }

    private void checkHost(String hostHeader) {
        String host = hostName(hostHeader == null ? "" : hostHeader.strip().toLowerCase(Locale.ROOT));
        if (!LOOPBACK_HOSTS.contains(host) && !host.equals(bind)) {
            throw new RequestRefused(421, "This review app answers only requests addressed to localhost or 127.0.0.1"
                    + " (this one named '" + host + "'). To reach it from elsewhere, start it with --bind and "
                    + ServeSettings.TOKEN_ENV + ".");
        }
    }

    /** The host part of a Host header: {@code [::1]:8080} → {@code [::1]}, {@code localhost:8080} → {@code localhost}. */
    static String hostName(String hostHeader) {
        if (hostHeader.startsWith("[")) {
            int end = hostHeader.indexOf(']');
            return end < 0 ? hostHeader : hostHeader.substring(0, end + 1);
        }
        int colon = hostHeader.indexOf(':');
        return colon < 0 ? hostHeader : hostHeader.substring(0, colon);
    }

    private static Optional<String> bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).strip());
    }
}
