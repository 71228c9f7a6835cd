package dev.scout.config.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scout.config.DataSize;
import dev.scout.config.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One YAML mapping being read into a record: typed reads with defaults and range checks, each problem recorded
 * against the key's full path. Every key a binder reads is remembered; {@link #finish()} reports the rest as unknown,
 * with a did-you-mean. A missing or {@code null} key takes its default.
 */
public final class Section {
    /** No setting needs more; the cap keeps every duration convertible to milliseconds without overflow. */
    public static final Duration MAX_DURATION = Duration.ofDays(365);

    private final String path;
    private final ObjectNode node;
    private final Scalars scalars;
    private final Set<String> known = new LinkedHashSet<>();
    private final boolean malformed;

    private Section(String path, ObjectNode node, Scalars scalars, boolean malformed) {
        this.path = path;
        this.node = node;
        this.scalars = scalars;
        this.malformed = malformed;
    }

    /** A section over {@code node}; a missing or null node reads as empty, anything but a mapping is a problem. */
    public static Section of(String path, JsonNode node, Scalars scalars) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return new Section(path, JsonNodeFactory.instance.objectNode(), scalars, false);
        }
        if (!node.isObject()) {
            scalars.problems().add(path.isEmpty() ? "(top level)" : path, Render.node(node),
                    "must be a mapping of keys to values");
            return new Section(path, JsonNodeFactory.instance.objectNode(), scalars, true);
        }
        return new Section(path, (ObjectNode) node, scalars, false);
    }

    /**
     * Whether this section (or one it sits in) was not a mapping, which has been reported; "required" and
     * cross-section rules then stay quiet rather than pile on.
     */
    public boolean malformed() {
        return malformed;
    }

    /** This section's own path ({@code crawl.retry}); empty for the top level. */
    public String path() {
        return path;
    }

    /** The full path of a key in this section. */
    public String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The key's node, or empty when missing or null. Marks the key as known. */
    public Optional<JsonNode> raw(String key) {
        known.add(key);
        JsonNode n = node.get(key);
        return n == null || n.isNull() ? Optional.empty() : Optional.of(n);
    }

    public Scalars scalars() {
        return scalars;
    }

    public Problems problems() {
        return scalars.problems();
    }

    /** A nested mapping. */
    public Section section(String key) {
        if (malformed) {
            return new Section(path(key), JsonNodeFactory.instance.objectNode(), scalars, true);
        }
        return of(path(key), raw(key).orElse(null), scalars);
    }

    /** A list's elements with their paths ({@code key[0]}); a single value where a list belongs is a problem. */
    public List<Element> list(String key) {
        Optional<JsonNode> n = raw(key);
        List<Element> out = new ArrayList<>();
        if (n.isEmpty()) {
            return out;
        }
        if (!n.get().isArray()) {
            problems().add(path(key), Render.node(n.get()), "must be a list (write [a, b] or one '- item' per line)");
            return out;
        }
        int i = 0;
        for (JsonNode e : n.get()) {
            out.add(new Element(path(key) + "[" + i++ + "]", e));
        }
        return out;
    }

    public String text(String key, String dflt) {
        return optionalText(key).orElse(dflt);
    }

    public Optional<String> optionalText(String key) {
        return raw(key).flatMap(n -> scalars.text(path(key), n, false));
    }

    /** A credential; problems never show its value. Empty when missing (and no default) or invalid. */
    public Optional<Secret> secret(String key, Optional<String> dflt) {
        Optional<JsonNode> n = raw(key);
        Optional<String> text = n.isPresent()
                ? scalars.text(path(key), n.get(), true)
                : dflt.flatMap(d -> scalars.text(path(key), JsonNodeFactory.instance.textNode(d), true));
        if (text.isPresent() && text.get().isBlank()) {
            problems().at(path(key), "must not be empty");
            return Optional.empty();
        }
        return text.map(String::strip).map(Secret::of);
    }

    public boolean bool(String key, boolean dflt) {
        return raw(key).flatMap(n -> scalars.bool(path(key), n)).orElse(dflt);
    }

    /** A whole number in {@code [min, max]}. */
    public long whole(String key, long dflt, long min, long max) {
        Optional<JsonNode> n = raw(key);
        if (n.isEmpty()) {
            return dflt;
        }
        Optional<Long> v = scalars.whole(path(key), n.get());
        boolean unbounded = max == Long.MAX_VALUE || max == Integer.MAX_VALUE;
        if (v.isPresent() && (v.get() < min || v.get() > max)) {
            String rule = !unbounded ? "must be between " + min + " and " + max
                    : v.get() < min ? "must be >= " + min : "must be at most " + max;
            problems().add(path(key), String.valueOf(v.get()), rule);
            return dflt;
        }
        return v.orElse(dflt);
    }

    /** A whole number in {@code [min, max]} that fits an int. */
    public int integer(String key, int dflt, int min, int max) {
        return (int) whole(key, dflt, min, max);
    }

    /** A number in {@code [min, max]}. */
    public double number(String key, double dflt, double min, double max) {
        Optional<JsonNode> n = raw(key);
        if (n.isEmpty()) {
            return dflt;
        }
        Optional<Double> v = scalars.number(path(key), n.get());
        if (v.isPresent() && (v.get() < min || v.get() > max)) {
            problems().add(path(key), Numbers.format(v.get()), max == Double.MAX_VALUE
                    ? "must be >= " + Numbers.format(min)
                    : "must be between " + Numbers.format(min) + " and " + Numbers.format(max));
            return dflt;
        }
        return v.orElse(dflt);
    }

    /** A number greater than zero. */
    public double positive(String key, double dflt) {
        return positive(key).orElse(dflt);
    }

    /** A number greater than zero, or empty when missing or invalid. */
    public Optional<Double> positive(String key) {
        Optional<Double> v = raw(key).flatMap(n -> scalars.number(path(key), n));
        if (v.isPresent() && v.get() <= 0) {
            problems().add(path(key), Numbers.format(v.get()), "must be > 0");
            return Optional.empty();
        }
        return v;
    }

    /** A duration greater than zero and at most {@link #MAX_DURATION}. */
    public Duration duration(String key, Duration dflt) {
        Optional<Duration> v = raw(key).flatMap(n -> scalars.duration(path(key), n));
        if (v.isPresent() && (v.get().isZero() || v.get().isNegative())) {
            problems().add(path(key), Numbers.format(v.get()), "must be longer than 0");
            return dflt;
        }
        if (v.isPresent() && v.get().compareTo(MAX_DURATION) > 0) {
            problems().add(path(key), Numbers.format(v.get()), "must be at most " + Numbers.format(MAX_DURATION));
            return dflt;
        }
        return v.orElse(dflt);
    }

    /** A size of at least {@code minBytes}. */
    public DataSize size(String key, DataSize dflt, DataSize min) {
        Optional<DataSize> v = raw(key).flatMap(n -> scalars.size(path(key), n));
        if (v.isPresent() && v.get().compareTo(min) < 0) {
            problems().add(path(key), v.get().toString(), "must be at least " + min);
            return dflt;
        }
        return v.orElse(dflt);
    }

    public URI url(String key, URI dflt) {
        return optionalUrl(key).orElse(dflt);
    }

    public Optional<URI> optionalUrl(String key) {
        return raw(key).flatMap(n -> scalars.url(path(key), n));
    }

    /** The keys present in this mapping, in document order, all marked as known (for free-form maps). */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        known.addAll(keys);
        return keys;
    }

    /** Reports every key that no read asked for, with the closest known key as a suggestion. */
    public void finish() {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                problems().at(path(Render.clean(key)), "unknown key" + Suggestions.hint(key, known));
            }
        }
    }

    /** One list element and its path. */
    public record Element(String path, JsonNode node) {
    }
}
