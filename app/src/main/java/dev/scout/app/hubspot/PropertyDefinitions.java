package dev.scout.app.hubspot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scout.app.export.ColumnSpec;
import dev.scout.app.export.Columns;

import java.util.List;
import java.util.Set;

/**
 * The custom contact properties Scout creates in HubSpot (every {@code scout_*} target in {@link Columns#ALL}),
 * as request bodies for {@code POST /crm/v3/properties/contacts}. Standard properties (firstname, email, website)
 * already exist in every portal and are never created. Stateless.
 */
final class PropertyDefinitions {

    private static final Set<String> LONG_TEXT = Set.of("reasons", "brands", "niche_evidence");

    private PropertyDefinitions() {
    }

    static List<ColumnSpec> custom() {
        return Columns.ALL.stream().filter(c -> c.hubspotProperty().startsWith("scout_")).toList();
    }

    static ObjectNode body(ObjectMapper json, ColumnSpec column, String group) {
        ObjectNode node = json.createObjectNode();
        node.put("name", column.hubspotProperty());
        node.put("label", "Scout " + column.name().replace('_', ' '));
        node.put("description", column.description().replace("`", ""));
        node.put("groupName", group);
        boolean unique = column.hubspotProperty().equals(ContactMapper.ID_PROPERTY);
        node.put("hasUniqueValue", unique);
        switch (column.kind()) {
            case INTEGER, FRACTION, DECIMAL_1, USD, USD_4 -> node.put("type", "number").put("fieldType", "number");
            case BOOLEAN -> {
                node.put("type", "bool").put("fieldType", "booleancheckbox");
                var options = node.putArray("options");
                options.addObject().put("label", "Yes").put("value", "true").put("displayOrder", 0);
                options.addObject().put("label", "No").put("value", "false").put("displayOrder", 1);
            }
            case TIMESTAMP -> node.put("type", "datetime").put("fieldType", "date");
            case TEXT, TEXT_LIST -> node.put("type", "string")
                    .put("fieldType", LONG_TEXT.contains(column.name()) ? "textarea" : "text");
            default -> throw new IllegalStateException("no HubSpot type for " + column.kind());
        }
        return node;
    }
}
