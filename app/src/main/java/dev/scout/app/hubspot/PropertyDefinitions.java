package dev.scout.app.hubspot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scout.app.export.ColumnSpec;
import dev.scout.app.export.Columns;

import java.util.List;
import java.util.Set;

/**
 * The properties Scout makes sure exist on the target object (see {@link CrmObject#createsPropertyFor}), as request
 * bodies for {@code POST /crm/v3/properties/{objectType}}. A contact's standard properties (firstname, email,
 * website) already exist in every portal and are never created. Stateless.
 */
final class PropertyDefinitions {

    private static final Set<String> LONG_TEXT = Set.of("reasons", "brands", "niche_evidence");

    private PropertyDefinitions() {
    }

    static List<ColumnSpec> toCreate(CrmObject target) {
        return Columns.ALL.stream().filter(target::createsPropertyFor).toList();
    }

    static ObjectNode body(ObjectMapper json, ColumnSpec column, CrmObject target, String group) {
        ObjectNode node = json.createObjectNode();
        node.put("name", target.property(column));
        node.put("label", "Scout " + column.name().replace('_', ' '));
        node.put("description", column.description().replace("`", ""));
        node.put("groupName", group);
        boolean unique = target.property(column).equals(target.idProperty());
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
