package dev.scout.config.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scout.config.DataSize;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one YAML scalar into a typed value, substituting {@code ${VAR}} first. Each method returns empty after
 * recording a problem, so that reading carries on and every problem is found.
 */
public final class Scalars {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KiB|MiB|GiB)", Pattern.CASE_INSENSITIVE);

    private final Problems problems;
    private final EnvSubstitution env;

    public Scalars(Problems problems, EnvSubstitution env) {
        this.problems = problems;
        this.env = env;
    }

    public Problems problems() {
        return problems;
    }

    /** Text, after substitution. Numbers and booleans are taken as their text; lists and mappings are problems. */
    public Optional<String> text(String path, JsonNode node, boolean secret) {
        if (node.isTextual()) {
            return env.apply(path, node.asText(), secret, problems);
        }
        if (node.isValueNode()) {
            return Optional.of(node.asText());
        }
        problems.add(path, Render.node(node), "must be a single value, not " + Render.node(node));
        return Optional.empty();
    }

    /** A whole number. Quoted numbers count only when they came from {@code ${VAR}}. */
    public Optional<Long> whole(String path, JsonNode node) {
        if (node.isIntegralNumber()) {
            if (node.canConvertToLong()) {
                return Optional.of(node.longValue());
            }
            problems.add(path, Render.node(node), "is too large");
            return Optional.empty();
        }
        return substituted(path, node).flatMap(text -> {
            try {
                return Optional.of(Long.parseLong(text.strip()));
            } catch (NumberFormatException e) {
                problems.add(path, Render.text(text), "must be a whole number");
                return Optional.empty();
            }
        }).or(() -> notSubstitutable(path, node, "must be a whole number"));
    }

    /** A finite number. */
    public Optional<Double> number(String path, JsonNode node) {
        if (node.isNumber()) {
            double d = node.doubleValue();
            if (Double.isFinite(d)) {
                return Optional.of(d);
            }
            problems.add(path, Render.node(node), "must be a finite number");
            return Optional.empty();
        }
        return substituted(path, node).flatMap(text -> {
            try {
                double d = Double.parseDouble(text.strip());
                if (Double.isFinite(d)) {
                    return Optional.of(d);
                }
            } catch (NumberFormatException e) {
                // Reported below with the text the user can see.
            }
            problems.add(path, Render.text(text), "must be a number");
            return Optional.<Double>empty();
        }).or(() -> notSubstitutable(path, node, "must be a number"));
    }

    /** {@code true} or {@code false}. */
    public Optional<Boolean> bool(String path, JsonNode node) {
        if (node.isBoolean()) {
            return Optional.of(node.booleanValue());
        }
        return substituted(path, node).flatMap(text -> {
            String t = text.strip().toLowerCase(Locale.ROOT);
            if (t.equals("true") || t.equals("false")) {
                return Optional.of(t.equals("true"));
            }
            problems.add(path, Render.text(text), "must be true or false");
            return Optional.<Boolean>empty();
        }).or(() -> notSubstitutable(path, node, "must be true or false"));
    }

    /** A duration with a unit: {@code 500ms}, {@code 10s}, {@code 5m}, {@code 2h}, {@code 7d}. */
    public Optional<Duration> duration(String path, JsonNode node) {
        String rule = "must be a duration with a unit: 500ms, 10s, 5m, 2h or 7d";
        if (!node.isTextual()) {
            problems.add(path, Render.node(node), rule);
            return Optional.empty();
        }
        return text(path, node, false).flatMap(text -> {
            Matcher m = DURATION.matcher(text.strip());
            if (!m.matches()) {
                problems.add(path, Render.text(text), rule);
                return Optional.empty();
            }
            try {
                long n = Long.parseLong(m.group(1));
                switch (m.group(2)) {
                    case "ms":
                        return Optional.of(Duration.ofMillis(n));
                    case "s":
                        return Optional.of(Duration.ofSeconds(n));
                    case "m":
                        return Optional.of(Duration.ofMinutes(n));
                    case "h":
                        return Optional.of(Duration.ofHours(n));
                    default:
                        return Optional.of(Duration.ofDays(n));
                }
            } catch (ArithmeticException | NumberFormatException e) {
                problems.add(path, Render.text(text), "is too long");
                return Optional.empty();
            }
        });
    }

    /** A size with a binary unit: {@code 100B}, {@code 512KiB}, {@code 5MiB}, {@code 1GiB}. */
    public Optional<DataSize> size(String path, JsonNode node) {
        String rule = "must be a size with a unit: 512KiB, 5MiB or 1GiB";
        if (!node.isTextual()) {
            problems.add(path, Render.node(node), rule);
            return Optional.empty();
        }
        return text(path, node, false).flatMap(text -> {
            Matcher m = SIZE.matcher(text.strip());
            if (!m.matches()) {
                problems.add(path, Render.text(text), rule);
                return Optional.empty();
            }
            long unit;
            switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "kib":
                    unit = DataSize.KIB;
                    break;
                case "mib":
                    unit = DataSize.MIB;
                    break;
                case "gib":
                    unit = DataSize.GIB;
                    break;
                default:
                    unit = 1;
            }
            try {
                return Optional.of(new DataSize(Math.multiplyExact(Long.parseLong(m.group(1)), unit)));
            } catch (ArithmeticException | NumberFormatException e) {
                problems.add(path, Render.text(text), "is too large");
                return Optional.empty();
            }
        });
    }

    /** An absolute http(s) URL with a host, no credentials, query or fragment; a trailing slash is dropped. */
    public Optional<URI> url(String path, JsonNode node) {
        return text(path, node, false).flatMap(text -> {
            String t = text.strip();
            URI uri;
            try {
                uri = new URI(t);
            } catch (URISyntaxException e) {
                problems.add(path, Render.text(text), "is not a valid URL (" + e.getReason() + ")");
                return Optional.empty();
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String rule = null;
            if (!scheme.equals("http") && !scheme.equals("https")) {
                rule = "must be an http:// or https:// URL";
            } else if (uri.getHost() == null || uri.getHost().isEmpty()) {
                rule = "must be a URL with a host name";
            } else if (uri.getRawUserInfo() != null) {
                rule = "must not contain a user name or password";
            } else if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                rule = "must be a base URL without ?query or #fragment";
            }
            if (rule != null) {
                // A URL with user info may hold a password: do not echo it.
                if (uri.getRawUserInfo() != null) {
                    problems.at(path, rule);
                } else {
                    problems.add(path, Render.text(text), rule);
                }
                return Optional.empty();
            }
            return Optional.of(t.endsWith("/") ? URI.create(t.substring(0, t.length() - 1)) : uri);
        });
    }

    private Optional<String> substituted(String path, JsonNode node) {
        if (node.isTextual() && EnvSubstitution.hasPlaceholder(node.asText())) {
            return text(path, node, false);
        }
        return Optional.empty();
    }

    private <T> Optional<T> notSubstitutable(String path, JsonNode node, String rule) {
        // Reached only when substitution did not apply; a failed substitution has already been reported.
        if (!(node.isTextual() && EnvSubstitution.hasPlaceholder(node.asText()))) {
            problems.add(path, Render.node(node), rule);
        }
        return Optional.empty();
    }
}
