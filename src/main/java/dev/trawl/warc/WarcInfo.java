package dev.trawl.warc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the {@code warcinfo} record at the start of every file says about the crawl that made it (WARC/1.1 annex:
 * the standard warcinfo fields). {@code software} is required, e.g. {@code trawl/0.1.0}; the others may be null.
 * {@code description} carries the crawl's options as one line of text, so a file says how it was made; line breaks
 * and other control characters in any value become spaces (a field is one line).
 */
public record WarcInfo(String software, String operator, String userAgent, String description) {
    static final String FORMAT = "WARC File Format 1.1";
    static final String CONFORMS_TO = "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/";

    public WarcInfo {
        Objects.requireNonNull(software, "software");
    }

    /** The fields in the order they are written. */
    Map<String, List<String>> fields() {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("software", List.of(oneLine(software)));
        fields.put("format", List.of(FORMAT));
        fields.put("conformsTo", List.of(CONFORMS_TO));
        if (operator != null) {
            fields.put("operator", List.of(oneLine(operator)));
        }
        if (userAgent != null) {
            fields.put("http-header-user-agent", List.of(oneLine(userAgent)));
        }
        if (description != null) {
            fields.put("description", List.of(oneLine(description)));
        }
        return fields;
    }

    private static String oneLine(String value) {
        return value.replaceAll("\\p{Cntrl}", " ").strip();
    }
}
