package dev.scout.config.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.scout.config.ConfigProblem;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Parses YAML text into a tree. Syntax errors become one problem located as {@code source:line:column}. Anchors,
 * aliases and merge keys are resolved ({@link YamlTreeReader}), within a limit.
 *
 * <p>The parser's own message quotes the offending source line, which may hold a secret; only the parser's
 * description of the problem is kept, never the quoted text.
 */
public final class YamlTree {
    // YAML 1.2 booleans only: "on", "no", "yes" stay text, so a keyword "on" is not silently turned into "true".
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
            .build();

    private YamlTree() {
    }

    /** The document's tree (a {@link MissingNode} for an empty document); throws {@link Malformed} on bad syntax. */
    public static JsonNode parse(String yaml, String sourceName) {
        try (YAMLParser parser = (YAMLParser) MAPPER.createParser(yaml)) {
            if (parser.nextToken() == null) {
                return MissingNode.getInstance();
            }
            JsonNode n = new YamlTreeReader(parser, yaml, sourceName).value();
            if (parser.nextToken() != null) {
                throw new Malformed(ConfigProblem.at(where(sourceName, parser.currentTokenLocation()),
                        "holds more than one YAML document (a second ---); put the whole configuration in one"));
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new Malformed(problem(e, sourceName));
        } catch (IOException e) {
            // Text in memory cannot fail to read; the parser declares it all the same.
            throw new UncheckedIOException("cannot read YAML text from memory", e);
        }
    }

    private static ConfigProblem problem(JsonProcessingException e, String sourceName) {
        String what = e.getOriginalMessage();
        JsonLocation loc = e.getLocation();
        int line = loc == null ? -1 : loc.getLineNr();
        int column = loc == null ? -1 : loc.getColumnNr();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException) {
                var marked = (org.yaml.snakeyaml.error.MarkedYAMLException) t;
                what = marked.getProblem();
                if (marked.getContext() != null) {
                    var start = marked.getContextMark();
                    what = what + " (" + marked.getContext()
                            + (start == null ? "" : " that starts at " + (start.getLine() + 1) + ":" + (start.getColumn() + 1))
                            + ")";
                }
                if (marked.getProblemMark() != null) {
                    line = marked.getProblemMark().getLine() + 1;
                    column = marked.getProblemMark().getColumn() + 1;
                }
                break;
            }
        }
        String where = line > 0 ? sourceName + ":" + line + ":" + column : sourceName;
        return ConfigProblem.at(where, firstLine(what));
    }

    private static String where(String sourceName, JsonLocation loc) {
        return loc == null || loc.getLineNr() <= 0 ? sourceName : sourceName + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
    }

    private static String firstLine(String message) {
        String m = message == null ? "not valid YAML" : message.strip();
        int nl = m.indexOf('\n');
        return Render.clean(nl < 0 ? m : m.substring(0, nl), 300);
    }

    /** A document that is not valid YAML. */
    public static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ConfigProblem problem;

        Malformed(ConfigProblem problem) {
            super(problem.toString());
            this.problem = problem;
        }

        public ConfigProblem problem() {
            return problem;
        }
    }
}
