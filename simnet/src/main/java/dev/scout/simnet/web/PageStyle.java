package dev.scout.simnet.web;

/** How a simulated profile page exposes its data; real sites differ, so the pages do too. */
enum PageStyle {
    /** One ProfilePage JSON-LD object with an inline {@code mainEntity}. */
    JSON_LD,
    /** ProfilePage and Person as separate {@code @graph} nodes joined by {@code @id}. */
    GRAPH,
    /** Like {@link #JSON_LD} but with a trailing comma, as a real template ships (invalid JSON). */
    TRAILING_COMMA,
    /** No JSON-LD at all: OpenGraph and profile meta tags with counts in {@code og:description}. */
    OPEN_GRAPH_ONLY
}
