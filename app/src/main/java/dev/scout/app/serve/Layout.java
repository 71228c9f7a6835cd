package dev.scout.app.serve;

import dev.scout.app.report.Html;

/** The page shell every route shares: head, navigation, the app's stylesheet and script. Stateless. */
final class Layout {

    private Layout() {
    }

    /** A whole page; {@code title} is escaped here, {@code body} must already be safe HTML. */
    static String page(String title, String where, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<title>" + Html.escape(title) + " · Scout</title>"
                + "<link rel=\"stylesheet\" href=\"/assets/serve.css\"></head><body>"
                + "<nav class=\"top\"><a href=\"/candidates\" id=\"nav-candidates\">Scout · candidates</a>"
                + "<span class=\"where\">" + Html.escape(where) + "</span></nav>"
                + "<main class=\"wide\">" + body + "</main>"
                + "<script src=\"/assets/serve.js\"></script></body></html>";
    }

    static String error(int status, String message) {
        return page("Error " + status, "", "<h1>Error " + status + "</h1><p class=\"error\" id=\"error\">"
                + Html.escape(message) + "</p><p><a href=\"/candidates\">Back to the candidates</a></p>");
    }
}
