package dev.trawl.parse;

import java.util.Locale;

/**
 * Reads the charset parameter of an HTTP Content-Type value the way the WHATWG MIME Sniffing "parse a MIME type"
 * algorithm does: parameter names are case-insensitive, values may be quoted (with backslash escapes), and the
 * first charset parameter wins.
 */
final class ContentTypeCharset {
    private ContentTypeCharset() {}

    /** The charset label in a Content-Type header, or null when there is none. */
    static String label(String contentType) {
        if (contentType == null) {
            return null;
        }
        int i = contentType.indexOf(';');
        while (i >= 0 && i < contentType.length()) {
            i = skipHttpWhitespace(contentType, i + 1);
            int nameEnd = indexOfAny(contentType, i, ";=");
            String name = contentType.substring(i, nameEnd).toLowerCase(Locale.ROOT);
            if (nameEnd == contentType.length() || contentType.charAt(nameEnd) == ';') {
                i = nameEnd;
                continue;
            }
            StringBuilder value = new StringBuilder();
            i = readValue(contentType, nameEnd + 1, value);
            if (name.equals("charset") && !value.isEmpty()) {
                return value.toString();
            }
        }
        return null;
    }

    /** Reads a parameter value starting at from into value; returns the index of the ';' after it, or the end. */
    private static int readValue(String s, int from, StringBuilder value) {
        if (from < s.length() && s.charAt(from) == '"') {
            int i = from + 1;
            for (; i < s.length() && s.charAt(i) != '"'; i++) {
                if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                    i++;
                }
                value.append(s.charAt(i));
            }
            return indexOfAny(s, i, ";"); // anything between the closing quote and ';' is ignored
        }
        int end = indexOfAny(s, from, ";");
        value.append(s, from, end);
        while (!value.isEmpty() && isHttpWhitespace(value.charAt(value.length() - 1))) {
            value.setLength(value.length() - 1);
        }
        return end;
    }

    private static int indexOfAny(String s, int from, String chars) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    private static int skipHttpWhitespace(String s, int i) {
        while (i < s.length() && isHttpWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isHttpWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
