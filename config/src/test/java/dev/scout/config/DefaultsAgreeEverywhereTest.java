package dev.scout.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 17.4: the defaults live in one place ({@link Defaults}, applied by the binders), and every other place that
 * shows them agrees: docs/CONFIG.md, the README's configuration table and the example that {@code scout init}
 * writes. The keys are not listed by hand: they are the leaves of the configuration a minimal {@code scout.yaml}
 * binds to (record components are the YAML keys), so a key added later is checked without touching this test.
 * A shown default "agrees" when writing it into the minimal file changes nothing in the bound configuration.
 */
class DefaultsAgreeEverywhereTest {
    private static final Path BASE = Path.of("/project");
    /** Records that are one YAML value, not a section of keys. */
    private static final Set<Class<?>> VALUE_TYPES = Set.of(DataSize.class, PostTextRetention.class, PriceRange.class,
            MastodonInstance.class, ConfigProblem.class);
    /** Keys without a default: required, or set by the minimal file. */
    private static final Set<String> NO_DEFAULT = Set.of("niche.name", "seeds");
    private static final Pattern DOC_ROW = Pattern.compile("^\\| `([^`]+)` \\|[^|]*\\| ([^|]*) \\|", Pattern.MULTILINE);
    private static final Pattern README_ROW = Pattern.compile("^\\| (`[^|]*) \\| ([^|]*) \\|", Pattern.MULTILINE);
    private static final Pattern CODE = Pattern.compile("`([^`]*)`");
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScoutConfig defaults = load(Yaml.MINIMAL);
    private final Map<String, Object> keys = leaves();

    @Test
    void theWalkFindsEveryKey() {
        assertThat(keys).hasSizeGreaterThan(60)
                .containsKeys("discovery.hashtagPages", "crawl.retry.maxAttempts", "scoring.weights.niche", "store.postText");
    }

    @Test
    void docsConfigMdHasARowWithTheDefaultOfEveryKey() {
        Map<String, String> rows = rows(read(Path.of("..", "docs", "CONFIG.md")), DOC_ROW);
        List<String> wrong = new ArrayList<>();
        keys.forEach((key, value) -> {
            String cell = rows.get(key);
            if (cell == null) {
                wrong.add(key + ": no row in docs/CONFIG.md");
                return;
            }
            Matcher code = CODE.matcher(cell);
            if (!cell.startsWith("`") || !code.find()) {
                // "—" or a sentence: the key has no value of its own unless written.
                if (!isEmpty(value)) {
                    wrong.add(key + ": docs/CONFIG.md shows no default, the code has " + value);
                }
            } else if (!agrees(key, code.group(1))) {
                wrong.add(key + ": docs/CONFIG.md shows " + code.group(1) + ", the code has " + value);
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void theReadmeTableShowsTheCodesDefaults() {
        String readme = read(Path.of("..", "README.md"));
        String table = readme.substring(readme.indexOf("## Configuration"), readme.indexOf("## Output columns"));
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        Matcher row = README_ROW.matcher(table);
        while (row.find()) {
            List<String> rowKeys = readmeKeys(row.group(1));
            List<String> shown = codes(row.group(2));
            if (!row.group(2).replaceAll("`[^`]*`", "").replace("/", "").isBlank()) {
                shown = shown.subList(0, Math.min(1, shown.size())); // "`x` when …": the first value is the default
            }
            if (!row.group(2).strip().startsWith("`")) {
                continue; // "— (required)", "—": nothing to compare
            }
            if (rowKeys.size() == 1 && rowKeys.get(0).endsWith(".*") && shown.size() == 1) {
                String parent = rowKeys.get(0).substring(0, rowKeys.get(0).length() - 2);
                rowKeys = keys.keySet().stream().filter(k -> k.startsWith(parent + ".")).toList();
                shown = List.of(shown.get(0).split(" / "));
            }
            if (shown.size() == 1 && rowKeys.size() > 1) {
                shown = java.util.Collections.nCopies(rowKeys.size(), shown.get(0));
            }
            if (shown.size() != rowKeys.size()) {
                wrong.add(rowKeys + ": README shows " + shown + ", which cannot be paired with the keys");
                continue;
            }
            for (int i = 0; i < rowKeys.size(); i++) {
                String key = rowKeys.get(i);
                if (NO_DEFAULT.contains(key)) {
                    continue;
                }
                if (!keys.containsKey(key)) {
                    wrong.add(key + ": in the README table, but not a key with a default");
                } else if (!agrees(key, shown.get(i))) {
                    wrong.add(key + ": README shows " + shown.get(i) + ", the code has " + keys.get(key));
                }
                checked++;
            }
        }
        assertThat(checked).as("README rows checked").isGreaterThan(25);
        assertThat(wrong).isEmpty();
    }

    @Test
    void scoutInitWritesEveryKeyWithItsDefault() throws IOException {
        JsonNode example = YAML.readTree(ExampleConfig.text());
        List<String> wrong = new ArrayList<>();
        keys.forEach((key, value) -> {
            if (key.startsWith("niche.") || key.equals("platforms.mastodon.instances")) {
                return; // the example fills these in to show how
            }
            JsonNode shown = at(example, key);
            Optional<String> commented = commentedOut(key);
            if (shown == null && commented.isPresent()) {
                if (!agrees(key, commented.get())) {
                    wrong.add(key + ": scout init shows " + commented.get() + " (commented out), the code has " + value);
                }
            } else if (shown == null) {
                if (!isEmpty(value)) {
                    wrong.add(key + ": scout init does not show it (default " + value + ")");
                }
            } else if (!agreesWith(key, shown)) {
                wrong.add(key + ": scout init shows " + shown + ", the code has " + value);
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void aWrongShownDefaultIsCaught() {
        assertThat(agrees("discovery.hashtagPages", "10")).isTrue();
        assertThat(agrees("discovery.hashtagPages", "2")).isFalse();
        assertThat(agrees("crawl.maxBodySize", "5MiB")).isTrue();
        assertThat(agrees("crawl.userAgent", "ScoutBot/<version> (+https://github.com/scout-oss/scout; scout@scout.example)")).isTrue();
    }

    // --- the walk -------------------------------------------------------------------------------------------------

    private Map<String, Object> leaves() {
        Map<String, Object> out = new LinkedHashMap<>();
        walk("", defaults, out);
        NO_DEFAULT.forEach(out::remove);
        return out;
    }

    private static void walk(String prefix, Object node, Map<String, Object> out) {
        for (RecordComponent c : node.getClass().getRecordComponents()) {
            String key = prefix.isEmpty() ? c.getName() : prefix + "." + c.getName();
            Object value;
            try {
                value = c.getAccessor().invoke(node);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new AssertionError("cannot read " + key, e);
            }
            if (value instanceof Record && !VALUE_TYPES.contains(value.getClass())) {
                walk(key, value, out);
            } else {
                out.put(key, value);
            }
        }
    }

    private static boolean isEmpty(Object value) {
        return value instanceof Optional<?> o ? o.isEmpty()
                : value instanceof Collection<?> c ? c.isEmpty()
                : value instanceof Map<?, ?> m ? m.isEmpty()
                : value instanceof String s && s.isEmpty();
    }

    // --- agreement: writing the shown value into the minimal file changes nothing -----------------------------------

    private boolean agrees(String key, String shownYaml) {
        if (shownYaml.contains("${")) {
            return true; // an environment placeholder used only in some setups (hubspot.token); documented in words
        }
        try {
            JsonNode v = YAML.readTree("v: " + shownYaml.replace("<version>", Defaults.VERSION)).get("v");
            return agreesWith(key, v);
        } catch (IOException e) {
            return false;
        }
    }

    private boolean agreesWith(String key, JsonNode value) {
        try {
            ObjectNode doc = (ObjectNode) YAML.readTree(Yaml.MINIMAL);
            ObjectNode parent = doc;
            String[] parts = key.split("\\.");
            for (int i = 0; i < parts.length - 1; i++) {
                JsonNode child = parent.get(parts[i]);
                parent = child instanceof ObjectNode o ? o : parent.putObject(parts[i]);
            }
            parent.set(parts[parts.length - 1], value);
            return load(JSON.writeValueAsString(doc)).equals(defaults);
        } catch (ConfigException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The value of a commented-out line for the key in the example ({@code # userAgent: "ScoutBot/<version> …"}), for
     * defaults that depend on the build or the environment.
     */
    private static Optional<String> commentedOut(String key) {
        String name = key.substring(key.lastIndexOf('.') + 1);
        Matcher m = Pattern.compile("^\\s*#\\s*" + Pattern.quote(name) + ":\\s*(.+)$", Pattern.MULTILINE)
                .matcher(ExampleConfig.text());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static JsonNode at(JsonNode root, String key) {
        JsonNode n = root;
        for (String part : key.split("\\.")) {
            n = n == null || !n.isObject() ? null : n.get(part);
        }
        return n;
    }

    // --- reading the documents -------------------------------------------------------------------------------------

    private static ScoutConfig load(String yaml) {
        return Yaml.loader().load(yaml, "scout.yaml", BASE);
    }

    private static Map<String, String> rows(String text, Pattern row) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = row.matcher(text);
        while (m.find()) {
            out.put(m.group(1), m.group(2).strip());
        }
        return out;
    }

    /** "`crawl.connectTimeout` / `readTimeout`": later keys without a section are siblings of the first. */
    private static List<String> readmeKeys(String cell) {
        List<String> out = new ArrayList<>();
        String parent = "";
        for (String k : codes(cell)) {
            if (out.isEmpty()) {
                parent = k.contains(".") ? k.substring(0, k.lastIndexOf('.') + 1) : "";
                out.add(k);
            } else {
                out.add(k.contains(".") ? k : parent + k);
            }
        }
        if (out.isEmpty()) {
            fail("README row without a key: " + cell);
        }
        return out;
    }

    private static List<String> codes(String cell) {
        List<String> out = new ArrayList<>();
        Matcher m = CODE.matcher(cell);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
