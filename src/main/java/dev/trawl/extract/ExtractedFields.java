package dev.trawl.extract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fields extracted from one page, in the order the rules name them. A value is a String or null (a
 * {@code NAME=} field: its first value, null when the selector matched nothing) or an unmodifiable
 * {@code List<String>} (a {@code NAME[]=} field: every value, maybe none). {@code truncated} lists the fields whose
 * values {@link ExtractionLimits} cut. Immutable.
 *
 * <p>Stored and exported as one JSON object, {@link #toJson()}: {@code {"title":"Shoes","sizes":["40","41"]}}, with
 * {@code "_truncated":["sizes"]} added when something was cut (a field name cannot start with {@code _}).
 */
public record ExtractedFields(Map<String, Object> values, List<String> truncated) {

    /** The key of the cut fields' list in {@link #toJson()}. */
    public static final String TRUNCATED_KEY = "_truncated";

    /** No rule applied to the page. */
    public static final ExtractedFields NONE = new ExtractedFields(Map.of(), List.of());

    private static final JsonFactory JSON = new JsonFactory();

    public ExtractedFields {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((name, value) -> copy.put(Objects.requireNonNull(name, "name"), checked(name, value)));
        values = Collections.unmodifiableMap(copy);
        truncated = List.copyOf(truncated);
    }

    private static Object checked(String name, Object value) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case List<?> list -> List.copyOf(list.stream().map(String.class::cast).toList());
            default -> throw new IllegalArgumentException("field '" + name + "' holds a " + value.getClass().getName());
        };
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The field's text for a CSV cell: a single value as it is ("" for null), a list as its JSON array. */
    public String csvCell(String name) {
        return switch (values.get(name)) {
            case null -> "";
            case String s -> s;
            case List<?> list -> write(g -> writeList(g, list));
            default -> throw new IllegalStateException("unreachable: checked in the constructor");
        };
    }

    /** The JSON object stored in a page's {@code fields} value. */
    public String toJson() {
        return write(g -> {
            g.writeStartObject();
            for (Map.Entry<String, Object> field : values.entrySet()) {
                g.writeFieldName(field.getKey());
                switch (field.getValue()) {
                    case null -> g.writeNull();
                    case String s -> g.writeString(s);
                    case List<?> list -> writeList(g, list);
                    default -> throw new IllegalStateException("unreachable: checked in the constructor");
                }
            }
            if (!truncated.isEmpty()) {
                g.writeFieldName(TRUNCATED_KEY);
                writeList(g, truncated);
            }
            g.writeEndObject();
        });
    }

    /** Reads what {@link #toJson()} wrote (the exporter's way back from a stored value). */
    public static ExtractedFields fromJson(String json) {
        try (JsonParser p = JSON.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_OBJECT, json);
            Map<String, Object> values = new LinkedHashMap<>();
            List<String> truncated = List.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken token = p.nextToken();
                Object value = switch (token) {
                    case VALUE_NULL -> null;
                    case VALUE_STRING -> p.getText();
                    case START_ARRAY -> readList(p, json);
                    default -> throw new IllegalArgumentException("fields JSON: '" + name + "' holds " + token);
                };
                if (name.equals(TRUNCATED_KEY)) {
                    truncated = castList(value);
                } else {
                    values.put(name, value);
                }
            }
            return new ExtractedFields(values, truncated);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a fields JSON object: " + OneLine.of(e.getMessage()), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        return value instanceof List<?> list ? (List<String>) list : List.of();
    }

    private static List<String> readList(JsonParser p, String json) throws IOException {
        List<String> list = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            expect(t, JsonToken.VALUE_STRING, json);
            list.add(p.getText());
        }
        return list;
    }

    private static void expect(JsonToken actual, JsonToken expected, String json) {
        if (actual != expected) {
            throw new IllegalArgumentException(
                    "not a fields JSON object (" + expected + " expected, got " + actual + "): " + OneLine.clip(json));
        }
    }

    private static void writeList(JsonGenerator g, List<?> list) throws IOException {
        g.writeStartArray();
        for (Object value : list) {
            g.writeString((String) value);
        }
        g.writeEndArray();
    }

    private interface JsonWriting {
        void write(JsonGenerator g) throws IOException;
    }

    private static String write(JsonWriting writing) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            writing.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string", e); // a StringWriter does not fail
        }
        return out.toString();
    }
}
