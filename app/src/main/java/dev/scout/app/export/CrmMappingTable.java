package dev.scout.app.export;

/**
 * Renders {@link Columns#ALL} as the Markdown table in {@code docs/CRM.md} (a test fails when the two differ), so
 * the documented CSV → HubSpot → Salesforce mapping is always the one the code uses. Stateless.
 */
public final class CrmMappingTable {

    private CrmMappingTable() {
    }

    /** The table, one row per column, in CSV order; ends with a newline. */
    public static String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| # | CSV column / JSONL field | type | meaning | HubSpot contact property | Salesforce Contact field |\n");
        out.append("|---|---|---|---|---|---|\n");
        int n = 0;
        for (ColumnSpec c : Columns.ALL) {
            out.append("| ").append(++n).append(" | `").append(c.name()).append("` | ")
                    .append(c.kind().name().toLowerCase(java.util.Locale.ROOT)).append(" | ")
                    .append(c.description().replace("|", "\\|")).append(" | `").append(c.hubspotProperty())
                    .append("` | `").append(c.salesforceField()).append("` |\n");
        }
        return out.toString();
    }
}
