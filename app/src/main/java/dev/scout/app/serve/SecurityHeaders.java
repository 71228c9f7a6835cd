package dev.scout.app.serve;

import io.javalin.http.Context;

/**
 * Headers on every response: a Content-Security-Policy as strict as the HTML report's (nothing loads but this app's
 * own stylesheet and script; no inline script or style; no framing; forms post only here), no MIME sniffing, no
 * referrer to the profile sites the pages link to, and no caching of pages that show reviews. Stateless.
 */
final class SecurityHeaders {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        // same-origin, not no-referrer: under no-referrer Chromium sends "Origin: null" with the app's own form posts,
        // which CsrfGuard must refuse (found by ReviewAppBrowserTest). Other sites still get no Referer.
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
    }
}
