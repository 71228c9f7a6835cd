package dev.scout.app.serve;

import io.javalin.http.Context;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Cross-site request forgery protection for every state change. Each browser gets a random session id in a cookie
 * (HttpOnly, SameSite=Strict); its forms carry {@code csrf} = HMAC-SHA256(key, session id) with a key made at
 * start-up, so the server keeps no session state. A POST is refused unless its {@code Origin} (when sent) is this
 * app, its {@code Sec-Fetch-Site} (when sent) is same-origin, and its {@code csrf} field matches its session cookie.
 * After a restart old forms are refused (the key changed): reloading the page fixes that. Thread-safe.
 */
final class CsrfGuard {
    static final String SESSION_COOKIE = "scout_session";
    static final String FIELD = "csrf";
    private static final String ATTRIBUTE = "scout.session";
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{22,64}");

    private final SecureRandom random;
    private final byte[] key = new byte[32];

    CsrfGuard(SecureRandom random) {
        this.random = random;
        random.nextBytes(key);
    }

    /** The {@code csrf} value for this request's forms; starts a session (sets its cookie) when there is none. */
    String token(Context ctx) {
        String session = ctx.attribute(ATTRIBUTE);
        if (session == null) {
            session = validSession(ctx.cookie(SESSION_COOKIE));
            if (session == null) {
                byte[] id = new byte[18];
                random.nextBytes(id);
                session = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
                ctx.res().addHeader("Set-Cookie", SESSION_COOKIE + "=" + session + "; Path=/; HttpOnly; SameSite=Strict");
            }
            ctx.attribute(ATTRIBUTE, session);
        }
        return mac(session);
    }

    /** @throws RequestRefused 403 naming what was wrong */
    void checkPost(Context ctx) {
        String origin = ctx.header("Origin");
        String host = ctx.header("Host");
        if (origin != null && !origin.equalsIgnoreCase("http://" + host) && !origin.equalsIgnoreCase("https://" + host)) {
            throw RequestRefused.forbidden("Refused: this form was sent from another site (" + origin + ").");
        }
        String fetchSite = ctx.header("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            throw RequestRefused.forbidden("Refused: this form was sent from another site (Sec-Fetch-Site: " + fetchSite + ").");
        }
        String session = validSession(ctx.cookie(SESSION_COOKIE));
        String sent = ctx.formParam(FIELD);
        if (session == null || sent == null
                || !MessageDigest.isEqual(mac(session).getBytes(StandardCharsets.US_ASCII), sent.getBytes(StandardCharsets.US_ASCII))) {
            throw RequestRefused.forbidden("Refused: the form's security token is missing or out of date (the app may"
                    + " have restarted). Go back, reload the page and send it again.");
        }
    }

    private static String validSession(String cookie) {
        return cookie != null && SESSION_ID.matcher(cookie).matches() ? cookie : null;
    }

    private String mac(String session) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac.doFinal(session.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }
}
