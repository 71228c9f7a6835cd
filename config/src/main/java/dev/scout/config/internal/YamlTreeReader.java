package dev.scout.config.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.scout.config.ConfigProblem;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads one YAML document from a parser into a tree, resolving anchors ({@code &name}), aliases ({@code *name}) and
 * merge keys ({@code <<: *name}) as YAML defines them. Jackson's own tree reader hands an alias over as the text of
 * its name, so {@code keywords: [*kw]} would silently become the keyword "kw".
 *
 * <p>Every alias is copied where it is used, and the copies together may hold at most {@link #MAX_ALIAS_NODES}
 * values, so a document of nested aliases (a "billion laughs") is refused before it costs memory. Single use; not
 * thread-safe.
 */
final class YamlTreeReader {
    /** Values that aliases may add to a document in all; a hand-written scout.yaml needs a few dozen. */
    static final int MAX_ALIAS_NODES = 10_000;
    /** Jackson's default nesting limit ({@code StreamReadConstraints}), which the main parser enforces. */
    private static final int MAX_DEPTH = 1000;
    private static final String MERGE_KEY = "<<";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final YAMLParser parser;
    private final String sourceName;
    private final Map<Long, String> scalarAnchors;
    private final Map<String, JsonNode> anchors = new HashMap<>();
    private int aliasNodes;

    /**
     * @param parser   positioned on the document's first token
     * @param yaml     the same text, read again for the anchors of single values (which Jackson's parser drops)
     */
    YamlTreeReader(YAMLParser parser, String yaml, String sourceName) {
        this.parser = parser;
        this.sourceName = sourceName;
        this.scalarAnchors = scalarAnchors(yaml);
    }

    /** Anchors on single values by the character offset where the value starts ({@code &kw tofu}). */
    private static Map<Long, String> scalarAnchors(String yaml) {
        Map<Long, String> out = new HashMap<>();
        if (yaml.indexOf('&') < 0) {
            return out;
        }
        int depth = 0;
        try {
            for (Event e : new Yaml().parse(new StringReader(yaml))) {
                if (e instanceof ScalarEvent s && s.getAnchor() != null) {
                    out.put((long) s.getStartMark().getIndex(), s.getAnchor());
                } else if (e instanceof CollectionStartEvent && ++depth > MAX_DEPTH) {
                    // Deeper than the main parser accepts, which reports it; going on would only cost time.
                    return out;
                } else if (e instanceof CollectionEndEvent) {
                    depth--;
                }
            }
        } catch (YAMLException syntax) {
            // The main parser reads the same text with the same grammar and reports this error where it is;
            // the anchors before it are all this pass can give.
            return out;
        }
        return out;
    }

    /** The value at the parser's current token (which must be a value's first token), with what it contains. */
    JsonNode value() throws IOException {
        String anchor = parser.currentToken().isScalarValue() && !parser.isCurrentAlias()
                ? scalarAnchors.get(parser.currentTokenLocation().getCharOffset()) : parser.getCurrentAnchor();
        JsonNode node = switch (parser.currentToken()) {
            case START_OBJECT -> mapping();
            case START_ARRAY -> sequence();
            default -> scalar();
        };
        if (anchor != null) {
            anchors.put(anchor, node);
        }
        return node;
    }

    private ObjectNode mapping() throws IOException {
        ObjectNode out = NODES.objectNode();
        List<ObjectNode> merged = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
            String key = parser.currentName();
            JsonLocation where = parser.currentTokenLocation();
            parser.nextToken();
            JsonNode v = value();
            if (key.equals(MERGE_KEY)) {
                merged.addAll(mergeSources(v, where));
            } else {
                out.set(key, v);
            }
        }
        // Keys written in the mapping win over merged ones; among merged mappings the first listed wins.
        for (ObjectNode source : merged) {
            source.properties().forEach(e -> {
                if (!out.has(e.getKey())) {
                    out.set(e.getKey(), e.getValue());
                }
            });
        }
        return out;
    }

    private List<ObjectNode> mergeSources(JsonNode v, JsonLocation where) {
        List<ObjectNode> sources = new ArrayList<>();
        if (v.isObject()) {
            sources.add((ObjectNode) v);
            return sources;
        }
        if (v.isArray()) {
            for (JsonNode e : v) {
                if (!e.isObject()) {
                    throw malformed(where, "<< merges mappings only: each entry of its list must be a mapping");
                }
                sources.add((ObjectNode) e);
            }
            return sources;
        }
        throw malformed(where, "<< merges a mapping (<<: *name, or a list of them) into this one; got "
                + (v.isValueNode() ? "a single value" : "no mapping"));
    }

    private ArrayNode sequence() throws IOException {
        ArrayNode out = NODES.arrayNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            out.add(value());
        }
        return out;
    }

    private JsonNode scalar() throws IOException {
        JsonToken t = parser.currentToken();
        return switch (t) {
            case VALUE_STRING -> parser.isCurrentAlias() ? alias(parser.getText()) : NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> parser.getNumberType() == com.fasterxml.jackson.core.JsonParser.NumberType.BIG_DECIMAL
                    ? NODES.numberNode(parser.getDecimalValue()) : NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            case VALUE_EMBEDDED_OBJECT -> parser.getEmbeddedObject() instanceof byte[] b
                    ? NODES.binaryNode(b) : NODES.pojoNode(parser.getEmbeddedObject());
            default -> throw malformed(parser.currentTokenLocation(), "unexpected " + t + " in a YAML value");
        };
    }

    private JsonNode alias(String name) {
        JsonLocation where = parser.currentTokenLocation();
        JsonNode target = anchors.get(name);
        if (target == null) {
            throw malformed(where, "*" + name + " refers to no anchor: define it first with &" + name
                    + " on the value to reuse, or write the value out");
        }
        return copy(target, where);
    }

    /** A deep copy, counted against the document's alias budget. */
    private JsonNode copy(JsonNode n, JsonLocation where) {
        if (++aliasNodes > MAX_ALIAS_NODES) {
            throw malformed(where, "aliases expand to more than " + MAX_ALIAS_NODES
                    + " values; write the repeated values out (Scout refuses such documents to protect its memory)");
        }
        if (n.isObject()) {
            ObjectNode o = NODES.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                o.set(e.getKey(), copy(e.getValue(), where));
            }
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = NODES.arrayNode();
            for (JsonNode e : n) {
                a.add(copy(e, where));
            }
            return a;
        }
        return n;
    }

    private YamlTree.Malformed malformed(JsonLocation where, String rule) {
        String at = where == null || where.getLineNr() <= 0 ? sourceName
                : sourceName + ":" + where.getLineNr() + ":" + where.getColumnNr();
        return new YamlTree.Malformed(ConfigProblem.at(at, rule));
    }
}
