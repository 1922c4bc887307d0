package dev.trawl.extract;

import java.util.Arrays;
import org.jsoup.nodes.Attributes;
import org.jsoup.parser.Parser;

/**
 * The attributes of the tag {@link PlainMarkup} is reading, as jsoup's tokeniser keeps them (names in lower case, the
 * first of duplicate names wins, values with character references decoded), held as positions in the page: a name or
 * value becomes a String only when asked for, so the many attributes no selector looks at cost no allocation. Reused
 * from tag to tag: a listener reads it during {@link PlainMarkup.Listener#open} and keeps nothing.
 */
final class TagAttributes {
    private final String source;
    // per attribute: name from, name to, value from, value to (value from -1: no value, read as "")
    private int[] ranges = new int[4 * 8];
    private int count;

    /** Attributes of tags in source, whose names PlainMarkup has checked to be printable ASCII. */
    TagAttributes(String source) {
        this.source = source;
    }

    void clear() {
        count = 0;
    }

    int size() {
        return count;
    }

    /** Adds source[nameFrom, nameTo) with the value source[valueFrom, valueTo) (valueFrom -1: none). */
    void add(int nameFrom, int nameTo, int valueFrom, int valueTo) {
        if (4 * count == ranges.length) ranges = Arrays.copyOf(ranges, ranges.length * 2);
        int i = 4 * count++;
        ranges[i] = nameFrom;
        ranges[i + 1] = nameTo;
        ranges[i + 2] = valueFrom;
        ranges[i + 3] = valueTo;
    }

    /** The decoded value of the first attribute called name (lower case), or null when the tag has none. */
    String get(String name) {
        for (int i = 0; i < 4 * count; i += 4) {
            if (named(i, name)) return value(i);
        }
        return null;
    }

    /** Whether the tag has an attribute of each name (lower case). */
    boolean hasAll(java.util.List<String> names) {
        for (String name : names) {
            if (!has(name)) return false;
        }
        return true;
    }

    private boolean has(String name) {
        for (int i = 0; i < 4 * count; i += 4) {
            if (named(i, name)) return true;
        }
        return false;
    }

    /** A copy as jsoup's Attributes, for jsoup's evaluators. */
    Attributes toJsoup() {
        Attributes attributes = new Attributes();
        for (int i = 0; i < 4 * count; i += 4) {
            String name = source.substring(ranges[i], ranges[i + 1]).toLowerCase(java.util.Locale.ROOT);
            if (!attributes.hasKey(name)) attributes.put(name, value(i));
        }
        return attributes;
    }

    private boolean named(int i, String name) {
        int length = ranges[i + 1] - ranges[i];
        return length == name.length() && source.regionMatches(true, ranges[i], name, 0, length);
    }

    private String value(int i) {
        if (ranges[i + 2] < 0) return "";
        String raw = source.substring(ranges[i + 2], ranges[i + 3]);
        return raw.indexOf('&') < 0 ? raw : Parser.unescapeEntities(raw, true);
    }
}
