package dev.scout.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scout.config.ConfigException;
import dev.scout.config.ConfigLoader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code scout.yaml} key and every {@code scout} command that a user-facing text names exists (issue 12.7:
 * messages suggested {@code crawl.rateLimitWaitCap}, which the config refused as unknown, and "run
 * {@code scout crawl}", which is no command). Reads every string literal in the main sources of every module, and the
 * backticked spans of README.md and docs/*.md (for keys, only README.md and docs/CONFIG.md). A key exists when the config loader accepts it (set to null, i.e.
 * "use the default") without an "unknown" problem; a command exists when the CLI has it.
 */
class MessagesNameRealKeysAndCommandsTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern BACKTICKED = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern KEY = Pattern.compile(
            "(?<![\\w.$/-])((?:niche|seeds|platforms|crawl|discovery|scoring|output|store|hubspot)"
                    + "(?:\\.[A-Za-z_]\\w*|\\[\\d*])+)(?![\\w(])");
    /** {@code scout X} where it reads as a command: at the start of a text, after a quote, backtick, '(' or ': '. */
    private static final Pattern COMMAND = Pattern.compile("(?:^|[`'\"(]|: )scout ([a-z][a-z-]*)");
    private static final Set<String> FILE_EXTENSIONS = Set.of("txt", "md", "json", "jsonl", "csv", "html", "db", "yaml", "yml");
    private static final String MINIMAL = "{\"niche\": {\"name\": \"plant-based cooking\"}, \"seeds\": [\"mastodon:ana@fika.example\"]}";
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The documents about scout.yaml. Others (docs/CRM.md, docs/INPUT.md) describe output and input fields whose
     * names can look like keys ({@code niche.share} in the JSON Lines evidence).
     */
    private static final java.util.function.Predicate<Path> CONFIG_DOCS = doc -> doc.endsWith("README.md")
            || doc.endsWith(Path.of("docs", "CONFIG.md"));

    private record Mention(String where, String text) {
    }

    @Test
    void everyKeyNamedInAMessageOrTheDocsExists() {
        List<Mention> keys = mentions(KEY, CONFIG_DOCS);
        assertThat(keys).as("the scan finds key mentions at all").hasSizeGreaterThan(40);

        Set<String> unknown = new TreeSet<>();
        for (Mention m : keys) {
            if (!isFileName(m.text()) && !configKnows(m.text())) {
                unknown.add(m.where() + ": " + m.text());
            }
        }
        assertThat(unknown).as("keys named in messages or docs that scout.yaml does not have").isEmpty();
    }

    @Test
    void everyCommandNamedInAMessageOrTheDocsExists() {
        Set<String> commands = ScoutCommand.commandLine().getSubcommands().keySet();
        List<Mention> named = mentions(COMMAND, doc -> true);
        assertThat(named).as("the scan finds command mentions at all").hasSizeGreaterThan(10);

        Set<String> unknown = new TreeSet<>();
        for (Mention m : named) {
            if (!commands.contains(m.text())) {
                unknown.add(m.where() + ": scout " + m.text());
            }
        }
        assertThat(unknown).as("commands named in messages or docs that the CLI does not have (it has %s)", commands)
                .isEmpty();
    }

    @Test
    void theScanCatchesTheMistakesOfIssue12() {
        assertThat(configKnows("crawl.rateLimitWaitCap")).isTrue();
        assertThat(configKnows("crawl.noSuchKey")).isFalse();
        assertThat(configKnows("hubspot.base_url")).isFalse();
        assertThat(configKnows("platforms.mastodon.instances[0].url")).isTrue();
        assertThat(configKnows("scoring.pricing.youtube.micro")).isTrue();
        assertThat(ScoutCommand.commandLine().getSubcommands()).doesNotContainKey("crawl");
        Matcher m = COMMAND.matcher("run `scout crawl` first");
        assertThat(m.find() && m.group(1).equals("crawl")).isTrue();
        assertThat(COMMAND.matcher("a scout would pick").find()).isFalse();
    }

    /** Whether the config accepts {@code key} (set to null, which means "use the default") as a known key. */
    static boolean configKnows(String key) {
        try {
            ObjectNode doc = (ObjectNode) JSON.readTree(MINIMAL);
            set(doc, segments(key), 0);
            new ConfigLoader(name -> Optional.empty()).load(JSON.writeValueAsString(doc), "scout.yaml");
            return true;
        } catch (ConfigException e) {
            return e.problems().stream().noneMatch(p -> p.rule().startsWith("unknown")
                    || p.rule().startsWith("must be a mapping"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> segments(String key) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("([A-Za-z_]\\w*)|\\[(\\d*)]").matcher(key);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : "[]");
        }
        return out;
    }

    private static void set(JsonNode parent, List<String> path, int i) {
        String seg = path.get(i);
        boolean last = i == path.size() - 1;
        String next = last ? null : path.get(i + 1);
        JsonNode child = last ? JSON.nullNode() : next.equals("[]") ? JSON.createArrayNode() : JSON.createObjectNode();
        if (parent instanceof ArrayNode a) {
            a.removeAll();
            a.add(child);
        } else {
            ObjectNode o = (ObjectNode) parent;
            JsonNode existing = o.get(seg);
            if (!last && existing != null && existing.getNodeType() == child.getNodeType()) {
                child = existing;
            }
            o.set(seg, child);
        }
        if (!last) {
            set(child, path, i + 1);
        }
    }

    private static boolean isFileName(String token) {
        return FILE_EXTENSIONS.contains(token.substring(token.lastIndexOf('.') + 1));
    }

    /** Every match of {@code pattern}'s group 1 in string literals of main sources and backticked spans of the docs. */
    private static List<Mention> mentions(Pattern pattern, java.util.function.Predicate<Path> docs) {
        List<Mention> out = new ArrayList<>();
        for (Path file : sources()) {
            boolean java = file.toString().endsWith(".java");
            if (!java && !docs.test(file)) {
                continue;
            }
            List<String> lines = read(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String trimmed = line.strip();
                if (java && (trimmed.startsWith("*") || trimmed.startsWith("//") || trimmed.startsWith("/*"))) {
                    continue;
                }
                Matcher text = (java ? STRING_LITERAL : BACKTICKED).matcher(line);
                while (text.find()) {
                    Matcher m = pattern.matcher(text.group(1));
                    while (m.find()) {
                        out.add(new Mention(ROOT.relativize(file) + ":" + (i + 1), m.group(1)));
                    }
                }
            }
        }
        return out;
    }

    private static List<Path> sources() {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path module : modules.filter(d -> Files.isRegularFile(d.resolve("pom.xml"))).toList()) {
                Path main = module.resolve("src/main/java");
                if (Files.isDirectory(main)) {
                    try (Stream<Path> files = Files.walk(main)) {
                        files.filter(f -> f.toString().endsWith(".java")).forEach(out::add);
                    }
                }
            }
            out.add(ROOT.resolve("README.md"));
            try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
                docs.filter(f -> f.toString().endsWith(".md")).forEach(out::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
