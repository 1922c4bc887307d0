package dev.trawl.parse;

/**
 * The WHATWG HTML "algorithm for extracting a character encoding from a meta element", applied to the content
 * attribute of a meta http-equiv=content-type (https://html.spec.whatwg.org/multipage/urls-and-fetching.html).
 */
final class MetaContent {
    private MetaContent() {}

    /** The encoding that content names after "charset=", or null when it names none or an unknown one. */
    static WebEncoding encoding(String content) {
        int from = 0;
        while (true) {
            int at = indexOfCharset(content, from);
            if (at < 0) {
                return null;
            }
            int i = skipWhitespace(content, at + "charset".length());
            if (i < content.length() && content.charAt(i) == '=') {
                return valueAfterEquals(content, skipWhitespace(content, i + 1));
            }
            from = i; // "charset" not followed by '=': look for the next one from here
        }
    }

    private static WebEncoding valueAfterEquals(String s, int i) {
        if (i >= s.length()) {
            return null;
        }
        char c = s.charAt(i);
        if (c == '"' || c == '\'') {
            int close = s.indexOf(c, i + 1);
            return close < 0 ? null : EncodingLabels.lookup(s.substring(i + 1, close));
        }
        int end = i;
        while (end < s.length() && !Whitespace.isAscii(s.charAt(end)) && s.charAt(end) != ';') {
            end++;
        }
        return EncodingLabels.lookup(s.substring(i, end));
    }

    private static int indexOfCharset(String s, int from) {
        for (int i = from; i + 7 <= s.length(); i++) {
            if (s.regionMatches(true, i, "charset", 0, 7)) {
                return i;
            }
        }
        return -1;
    }

    private static int skipWhitespace(String s, int i) {
        while (i < s.length() && Whitespace.isAscii(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
