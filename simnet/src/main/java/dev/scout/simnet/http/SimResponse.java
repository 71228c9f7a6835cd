package dev.scout.simnet.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A response a simulated host sends. Immutable; {@link #withHeader} returns a copy.
 *
 * @param status      HTTP status
 * @param contentType value of {@code Content-Type}
 * @param headers     extra headers in order
 * @param body        body bytes
 */
public record SimResponse(int status, String contentType, Map<String, String> headers, byte[] body) {

    public static final String JSON = "application/json; charset=utf-8";

    public SimResponse {
        Objects.requireNonNull(contentType, "contentType");
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        Objects.requireNonNull(body, "body");
    }

    public static SimResponse json(int status, String json) {
        return new SimResponse(status, JSON, Map.of(), json.getBytes(StandardCharsets.UTF_8));
    }

    public static SimResponse text(int status, String contentType, String text) {
        return new SimResponse(status, contentType, Map.of(), text.getBytes(StandardCharsets.UTF_8));
    }

    public SimResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new SimResponse(status, contentType, h, body);
    }

    /** The body as UTF-8 text (tests and diagnostics). */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
