package dev.scout.crawler.internal.guard;

import java.util.Locale;

/**
 * Whether a response's Content-Type is one the request asked for. Media ranges in the Accept header match by type and
 * subtype ({@code *} wildcards allowed); a request that accepts {@code application/json} also accepts structured
 * {@code +json} types ({@code application/activity+json}). A missing Content-Type never matches: a hostile or
 * broken server does not get its body parsed on a guess. Stateless.
 */
public final class ContentTypeCheck {
    private ContentTypeCheck() {
    }

    public static boolean accepts(String accept, String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        String actual = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        int slash = actual.indexOf('/');
        if (slash <= 0) {
            return false;
        }
        String type = actual.substring(0, slash);
        String subtype = actual.substring(slash + 1);
        for (String range : accept.split(",")) {
            String r = range.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (r.equals("*/*") || r.equals(actual) || r.equals(type + "/*")) {
                return true;
            }
            if (r.equals("application/json") && subtype.endsWith("+json")) {
                return true;
            }
        }
        return false;
    }
}
