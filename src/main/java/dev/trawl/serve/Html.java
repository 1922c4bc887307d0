package dev.trawl.serve;

/**
 * Escaping for everything a page shows: titles, URLs, headers and error text come from the crawled web and are
 * hostile. Text and attribute values alike go through {@link #text}; attribute values are always double-quoted.
 */
final class Html {
    private Html() {}

    /** The text with {@code & < > " '} replaced by entities; null becomes the empty string. */
    static String text(String value) {
        if (value == null) return "";
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String entity = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (entity == null && out == null) continue;
            if (out == null) out = new StringBuilder(value.length() + 16).append(value, 0, i);
            if (entity == null) out.append(c);
            else out.append(entity);
        }
        return out == null ? value : out.toString();
    }

    /**
     * A link to an http(s) URL found in the crawl, opened outside the app without a referrer; anything else
     * (a {@code javascript:} canonical, say) is shown as text only.
     */
    static String externalLink(String url) {
        if (!isHttp(url)) return text(url);
        return "<a class=\"ext\" href=\"" + text(url) + "\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">"
                + text(url) + "</a>";
    }

    static boolean isHttp(String url) {
        return url != null && (url.regionMatches(true, 0, "http://", 0, 7) || url.regionMatches(true, 0, "https://", 0, 8));
    }
}
