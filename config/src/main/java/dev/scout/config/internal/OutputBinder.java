package dev.scout.config.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scout.config.Defaults;
import dev.scout.config.HubSpotConfig;
import dev.scout.config.OutputConfig;
import dev.scout.config.OutputFormat;
import dev.scout.config.PostTextRetention;
import dev.scout.config.Secret;
import dev.scout.config.StoreConfig;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads {@code output}, {@code store} and {@code hubspot}; relative paths resolve against the config's directory. */
final class OutputBinder {
    private static final Pattern OBJECT_TYPE = Pattern.compile("[a-z][a-z_]*|\\d+-\\d+");
    private static final Pattern PROPERTY = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern DAYS = Pattern.compile("(\\d+)\\s*d");

    private OutputBinder() {
    }

    static OutputConfig output(Section root, Path baseDir) {
        Section s = root.section("output");
        Path dir = path(s, "dir", s.text("dir", Defaults.OUTPUT_DIR), Defaults.OUTPUT_DIR, baseDir);
        List<OutputFormat> formats = formats(s);
        boolean bom = s.bool("csvBom", false);
        s.finish();
        return new OutputConfig(dir, formats, bom);
    }

    /**
     * {@code store: FILE} or {@code store: postgresql://…} (the short forms) or
     * {@code store: {file: FILE | url: postgresql://…, postText: keep|none|30d}}.
     */
    static StoreConfig store(Section root, Path baseDir) {
        if (root.raw("store").filter(JsonNode::isObject).isEmpty()) {
            if (looksLikeServer(root, "store")) {
                return new StoreConfig(Optional.empty(), Defaults.STORE_POST_TEXT, url(root, "store"));
            }
            return new StoreConfig(file(root, "store", baseDir), Defaults.STORE_POST_TEXT);
        }
        Section s = root.section("store");
        boolean server = s.raw("url").isPresent() || looksLikeServer(s, "file");
        if (s.raw("url").isPresent() && s.raw("file").isPresent()) {
            s.problems().at(s.path("url"), "is set together with store.file; a store is a file or a PostgreSQL"
                    + " server, so remove one of them");
            file(s, "file", baseDir); // read, so that it is not also reported as unknown
        }
        StoreConfig c = server
                ? new StoreConfig(Optional.empty(), postText(s), url(s, s.raw("url").isPresent() ? "url" : "file"))
                : new StoreConfig(file(s, "file", baseDir), postText(s));
        s.finish();
        return c;
    }

    private static boolean looksLikeServer(Section s, String key) {
        return s.raw(key).filter(JsonNode::isTextual).map(n -> n.asText().strip().toLowerCase(Locale.ROOT))
                .filter(t -> t.startsWith("postgresql://") || t.startsWith("postgres://")).isPresent();
    }

    /** A PostgreSQL URL, read as a secret (it may carry a password): problems never show it. */
    private static Optional<Secret> url(Section s, String key) {
        Optional<Secret> url = s.secret(key, Optional.empty());
        if (url.isEmpty()) {
            return Optional.empty();
        }
        String text = url.get().reveal();
        String lower = text.toLowerCase(Locale.ROOT);
        boolean valid = lower.startsWith("postgresql://") || lower.startsWith("postgres://");
        if (valid) {
            try {
                java.net.URI uri = new java.net.URI(text);
                valid = uri.getHost() != null && uri.getPath() != null && uri.getPath().length() > 1;
            } catch (java.net.URISyntaxException e) {
                valid = false;
            }
        }
        if (!valid) {
            s.problems().at(s.path(key), "must be a PostgreSQL URL: postgresql://[user@]host[:port]/database (the"
                    + " password in PGPASSWORD, or percent-encoded in the URL)");
            return Optional.empty();
        }
        return url;
    }

    private static Optional<Path> file(Section s, String key, Path baseDir) {
        String text = s.text(key, Defaults.STORE).strip();
        if (text.equals(StoreConfig.IN_MEMORY)) {
            return Optional.empty();
        }
        return Optional.of(path(s, key, text, Defaults.STORE, baseDir));
    }

    private static PostTextRetention postText(Section s) {
        Optional<String> value = s.optionalText("postText").map(String::strip);
        if (value.isEmpty()) {
            return Defaults.STORE_POST_TEXT;
        }
        String v = value.get().toLowerCase(Locale.ROOT);
        if (v.equals("keep")) {
            return PostTextRetention.keep();
        }
        if (v.equals("none")) {
            return PostTextRetention.none();
        }
        Matcher days = DAYS.matcher(v);
        if (days.matches() && days.group(1).length() <= 4 && Integer.parseInt(days.group(1)) >= 1) {
            return PostTextRetention.dropAfterDays(Integer.parseInt(days.group(1)));
        }
        s.problems().add(s.path("postText"), Render.text(value.get()), "must be keep, none, or a number of days"
                + " such as 30d (the text of older posts is erased)"
                + Suggestions.closest(v, List.of("keep", "none")).map(k -> " (did you mean '" + k + "'?)").orElse(""));
        return Defaults.STORE_POST_TEXT;
    }

    static HubSpotConfig hubspot(Section root, OutputConfig output) {
        Section s = root.section("hubspot");
        boolean used = output.writes(OutputFormat.HUBSPOT);
        int before = s.problems().count();
        Optional<Secret> token = s.secret("token", used ? Optional.of(Defaults.HUBSPOT_TOKEN) : Optional.empty());
        if (used && token.isEmpty() && s.problems().count() == before) {
            s.problems().at(s.path("token"), "is required when output.formats includes hubspot");
        }
        String objectType = s.text("objectType", Defaults.HUBSPOT_OBJECT_TYPE).strip();
        if (!OBJECT_TYPE.matcher(objectType).matches()) {
            s.problems().add(s.path("objectType"), Render.text(objectType),
                    "must be a HubSpot object type such as contacts, or a custom object id such as 2-1234567");
        }
        String idProperty = s.text("idProperty", Defaults.HUBSPOT_ID_PROPERTY).strip();
        if (!PROPERTY.matcher(idProperty).matches()) {
            s.problems().add(s.path("idProperty"), Render.text(idProperty),
                    "must be a HubSpot internal property name: lower-case letters, digits and _");
        }
        HubSpotConfig c = new HubSpotConfig(token, s.url("baseUrl", Defaults.HUBSPOT_BASE_URL), objectType,
                idProperty, s.integer("requestsPer10s", Defaults.HUBSPOT_REQUESTS_PER_10S, 1, 250));
        s.finish();
        return c;
    }

    private static List<OutputFormat> formats(Section s) {
        if (s.raw("formats").isEmpty()) {
            return Defaults.OUTPUT_FORMATS;
        }
        List<String> keys = Arrays.stream(OutputFormat.values()).map(OutputFormat::key).collect(Collectors.toList());
        Set<OutputFormat> out = new LinkedHashSet<>();
        List<Section.Element> elements = s.list("formats");
        for (Section.Element e : elements) {
            s.scalars().text(e.path(), e.node(), false).ifPresent(text -> {
                Optional<OutputFormat> f = OutputFormat.fromKey(text.strip());
                if (f.isPresent()) {
                    out.add(f.get());
                } else {
                    s.problems().add(e.path(), Render.text(text), "must be one of " + String.join(", ", keys)
                            + Suggestions.closest(text.strip(), keys).map(k -> " (did you mean '" + k + "'?)").orElse(""));
                }
            });
        }
        if (s.raw("formats").get().isArray() && elements.isEmpty()) {
            s.problems().at(s.path("formats"), "must name at least one of " + String.join(", ", keys));
        }
        return out.isEmpty() ? Defaults.OUTPUT_FORMATS : new ArrayList<>(out);
    }

    private static Path path(Section s, String key, String value, String dflt, Path baseDir) {
        String text = value.strip();
        if (text.isEmpty()) {
            s.problems().add(s.path(key), Render.text(text), "must not be empty");
            text = dflt;
        }
        try {
            return baseDir.resolve(text).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            s.problems().add(s.path(key), Render.text(text), "is not a valid path (" + e.getReason() + ")");
            return baseDir.resolve(dflt).toAbsolutePath().normalize();
        }
    }
}
