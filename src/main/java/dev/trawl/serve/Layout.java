package dev.trawl.serve;

/** The frame every page shares: head, navigation, the database's name. */
final class Layout {
    private final String database;

    Layout(String database) {
        this.database = database;
    }

    /** A whole document; title is plain text, body is HTML that the caller has escaped. */
    String page(String active, String title, String body) {
        StringBuilder html = new StringBuilder(body.length() + 1024);
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(Html.text(title)).append(" · trawl</title>")
                .append("<link rel=\"stylesheet\" href=\"/static/style.css\">")
                .append("<link rel=\"icon\" href=\"/static/icon.svg\" type=\"image/svg+xml\">")
                .append("</head><body><header><span class=\"brand\">trawl</span><nav>");
        for (String[] item : new String[][] {{"overview", "/", "Overview"}, {"live", "/live", "Live"},
                {"pages", "/pages", "Pages"}, {"errors", "/errors", "Errors"}}) {
            html.append("<a href=\"").append(item[1]).append('"').append(item[0].equals(active) ? " class=\"active\"" : "")
                    .append('>').append(item[2]).append("</a>");
        }
        html.append("</nav><span class=\"db\" title=\"database\">").append(Html.text(database)).append("</span></header><main>")
                .append("<h1>").append(Html.text(title)).append("</h1>").append(body).append("</main></body></html>");
        return html.toString();
    }

    /** A page saying what went wrong, for 4xx and 5xx answers. */
    String error(int status, String message) {
        return page("", status == 404 ? "Not found" : status >= 500 ? "Server error" : "Bad request",
                "<p class=\"error-message\">" + Html.text(message) + "</p><p><a href=\"/\">Back to the overview</a></p>");
    }
}
