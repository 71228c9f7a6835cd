package dev.scout.simnet.http;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An incoming request as the simulated hosts see it: decoded path, repeated query keys kept in order.
 *
 * @param method    HTTP method
 * @param path      decoded path, e.g. {@code /api/v1/accounts/lookup}
 * @param query     decoded query parameters; repeated keys ({@code actors=a&actors=b}) keep every value
 * @param clientKey who is asking (the remote address); rate limits are kept per client
 * @param headers   request headers, names lower-case, first value of each (hosts that check credentials read them)
 */
public record SimRequest(String method, String path, Map<String, List<String>> query, String clientKey,
                         Map<String, String> headers) {

    public SimRequest(String method, String path, Map<String, List<String>> query, String clientKey) {
        this(method, path, query, clientKey, Map.of());
    }

    public SimRequest {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        query.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        query = java.util.Collections.unmodifiableMap(copy);
        Objects.requireNonNull(clientKey, "clientKey");
    }

    /** Parses a request URI (raw path and query as received). */
    public static SimRequest of(String method, URI uri, String clientKey) {
        return of(method, uri, clientKey, Map.of());
    }

    /** Parses a request URI and keeps its headers (names lower-cased). */
    public static SimRequest of(String method, URI uri, String clientKey, Map<String, String> headers) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            }
        }
        String path = uri.getRawPath() == null ? "/" : decode(uri.getRawPath().replace("+", "%2B"));
        Map<String, String> lower = new LinkedHashMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return new SimRequest(method, path, query, clientKey, lower);
    }

    /** A request header by name, case-insensitively. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    /** The first value of a query parameter. */
    public Optional<String> param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Every value of a repeated query parameter, in order. */
    public List<String> params(String name) {
        return query.getOrDefault(name, List.of());
    }

    /** An integer parameter; throws {@link BadRequestException} naming the parameter when it is not a number. */
    public OptionalInt intParam(String name) {
        Optional<String> v = param(name);
        if (v.isEmpty() || v.get().isBlank()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(v.get().trim()));
        } catch (NumberFormatException e) {
            throw new BadRequestException(name, v.get(), "must be an integer");
        }
    }

    /** A boolean parameter in Rails style: {@code true}, {@code 1}, {@code on} mean true. */
    public boolean flag(String name) {
        return param(name).map(v -> v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("on")).orElse(false);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
