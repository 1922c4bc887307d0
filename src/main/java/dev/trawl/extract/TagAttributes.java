package dev.trawl.extract;

import org.jsoup.nodes.Attributes;

/**
 * The attributes of the tag {@link PlainMarkup} is reading, as jsoup's tokeniser keeps them: names in lower case,
 * the first of duplicate names wins, values decoded. Reused from tag to tag: a listener reads it during
 * {@link PlainMarkup.Listener#open} and keeps nothing.
 */
final class TagAttributes {
    private String[] names = new String[8];
    private String[] values = new String[8];
    private int count;

    void clear() {
        count = 0;
    }

    int size() {
        return count;
    }

    /** Adds the attribute unless one of that name came first. */
    void add(String name, String value) {
        if (indexOf(name) >= 0) return;
        if (count == names.length) {
            names = java.util.Arrays.copyOf(names, count * 2);
            values = java.util.Arrays.copyOf(values, count * 2);
        }
        names[count] = name;
        values[count++] = value;
    }

    /** The value of the attribute name (lower case), or null when the tag has none. */
    String get(String name) {
        int i = indexOf(name);
        return i < 0 ? null : values[i];
    }

    /** A copy as jsoup's Attributes, for jsoup's evaluators. */
    Attributes toJsoup() {
        Attributes attributes = new Attributes();
        for (int i = 0; i < count; i++) {
            attributes.put(names[i], values[i]);
        }
        return attributes;
    }

    private int indexOf(String name) {
        for (int i = 0; i < count; i++) {
            if (names[i].equals(name)) return i;
        }
        return -1;
    }
}
