package dev.trawl.parse;

import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The WHATWG Encoding Standard's label table (https://encoding.spec.whatwg.org/#names-and-labels), limited to the
 * encodings this JDK can decode. A label the JDK cannot honour is treated like an unknown one, so the caller moves
 * on to the next signal instead of failing.
 */
final class EncodingLabels {
    private static final Map<String, WebEncoding> BY_LABEL = buildTable();

    private EncodingLabels() {}

    /** The encoding for a label (surrounding ASCII whitespace and case ignored), or null if unknown or unsupported. */
    static WebEncoding lookup(String label) {
        if (label == null) {
            return null;
        }
        return BY_LABEL.get(Whitespace.strip(label).toLowerCase(Locale.ROOT));
    }

    /** The encoding named by its WHATWG name; only for names that are certainly in the table. */
    static WebEncoding named(String name) {
        return BY_LABEL.get(name.toLowerCase(Locale.ROOT));
    }

    private static Map<String, WebEncoding> buildTable() {
        Map<String, WebEncoding> table = new HashMap<>();
        for (EncodingTable.Row row : EncodingTable.ROWS) {
            Charset charset = firstSupported(row.javaNames());
            if (charset == null) {
                continue; // e.g. ISO-8859-10 has no JDK decoder: its labels stay unknown
            }
            WebEncoding encoding = new WebEncoding(row.name(), charset);
            for (String label : row.labels().split(" ")) {
                table.put(label, encoding);
            }
        }
        return Map.copyOf(table);
    }

    private static Charset firstSupported(String javaNames) {
        for (String name : javaNames.split(" ")) {
            if (Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        }
        return null;
    }
}
