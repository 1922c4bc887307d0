package dev.trawl.serve;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A request's query parameters, checked: at most {@link #MAX_QUERY} characters, each name at most once, known
 * names only, values at most {@link #MAX_VALUE} characters. Anything else is a {@link BadRequest}, so a typo in a
 * hand-edited URL says so instead of being silently ignored.
 */
final class Params {
    static final int MAX_QUERY = 4096;
    static final int MAX_VALUE = 1024;

    private final Map<String, String> values;

    private Params(Map<String, String> values) {
        this.values = values;
    }

    /** Parses a raw (still percent-encoded) query string, allowing only the given names. */
    static Params parse(String rawQuery, Set<String> allowed) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) return new Params(values);
        if (rawQuery.length() > MAX_QUERY) throw BadRequest.of("query string longer than " + MAX_QUERY + " characters");
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!allowed.contains(name)) throw BadRequest.of("unknown parameter '" + clip(name) + "' (expected one of " + String.join(", ", allowed) + ")");
            if (value.length() > MAX_VALUE) throw BadRequest.of(name + ": longer than " + MAX_VALUE + " characters");
            if (values.put(name, value) != null) throw BadRequest.of(name + ": given more than once");
        }
        return new Params(values);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw BadRequest.of("bad percent-encoding in '" + clip(text) + "'");
        }
    }

    private static String clip(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    /** The value, or null when absent or empty. */
    String get(String name) {
        String v = values.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    /** One of the choices, or fallback when absent. */
    String choice(String name, Set<String> choices, String fallback) {
        String v = get(name);
        if (v == null) return fallback;
        if (!choices.contains(v)) throw BadRequest.of(name + ": '" + clip(v) + "' is not one of " + String.join(", ", choices));
        return v;
    }

    /** A whole number in [min, max], or fallback when absent. */
    long number(String name, long min, long max, long fallback) {
        String v = get(name);
        if (v == null) return fallback;
        try {
            long n = Long.parseLong(v);
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw BadRequest.of(name + ": expected a whole number from " + min + " to " + max + ", got '" + clip(v) + "'");
    }

    /** Percent-encodes a query value. */
    static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
