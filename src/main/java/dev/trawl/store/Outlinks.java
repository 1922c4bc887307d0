package dev.trawl.store;

import java.util.List;

/**
 * Encodes a page's outlinks as the JSON array of strings stored in {@code links.targets}. Written out here rather
 * than through a JSON generator because it runs once per page on the fetch path, where setting up a generator cost
 * more than the encoding (a JFR profile put a sixth of the fetch threads' samples in it); the strings are URLs, so
 * escaping is short. OutlinksTest checks the output against Jackson's reading of it.
 */
final class Outlinks {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Returns e.g. {@code ["https://a.example/","https://b.example/x"]}; {@code []} when there are none. */
    String encode(List<String> urls) {
        int size = 2;
        for (String url : urls) size += url.length() + 3;
        StringBuilder out = new StringBuilder(size).append('[');
        for (int i = 0; i < urls.size(); i++) {
            if (i > 0) out.append(',');
            appendQuoted(out, urls.get(i));
        }
        return out.append(']').toString();
    }

    private static void appendQuoted(StringBuilder out, String s) {
        out.append('"');
        int plain = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') continue;
            out.append(s, plain, i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else {
                out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
            plain = i + 1;
        }
        out.append(s, plain, s.length()).append('"');
    }
}
