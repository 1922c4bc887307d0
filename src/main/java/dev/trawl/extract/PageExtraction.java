package dev.trawl.extract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/** One page's extraction: runs the fields in order against one budget of chars ({@link ExtractionLimits}). */
final class PageExtraction {
    private final ExtractionLimits limits;
    private final Set<String> truncated = new LinkedHashSet<>();
    private int charsLeft;

    PageExtraction(ExtractionLimits limits) {
        this.limits = limits;
        this.charsLeft = limits.maxCharsPerPage();
    }

    /** Where a field's values come from, in order: a jsoup tree or a streamed read. */
    interface Values {
        void collect(FieldSpec field, SelectorValues.Sink sink);
    }

    ExtractedFields run(Element root, Collection<FieldSpec> fields) {
        return run(fields, (field, sink) -> SelectorValues.collect(field.selector(), root, sink));
    }

    ExtractedFields run(Collection<FieldSpec> fields, Values source) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldSpec field : fields) {
            values.put(field.name(), field.all() ? all(source, field) : first(source, field));
        }
        return new ExtractedFields(values, List.copyOf(truncated));
    }

    private String first(Values source, FieldSpec field) {
        String[] first = {null};
        source.collect(field, value -> {
            first[0] = take(field, value);
            return false;
        });
        return first[0];
    }

    private List<String> all(Values source, FieldSpec field) {
        List<String> values = new ArrayList<>();
        source.collect(field, value -> {
            if (values.size() == limits.maxValuesPerField()) {
                truncated.add(field.name());
                return false;
            }
            String kept = take(field, value);
            if (kept != null) {
                values.add(kept);
            }
            return kept != null && kept.length() == value.length();
        });
        return values;
    }

    /** The value, or as much of it as the page's budget has left (null when nothing is left); records a cut. */
    private String take(FieldSpec field, String value) {
        if (value.length() <= charsLeft) {
            charsLeft -= value.length();
            return value;
        }
        truncated.add(field.name());
        if (charsLeft == 0) {
            return null;
        }
        int end = charsLeft;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--; // never keep half of a surrogate pair: the JSON would not be valid UTF-8
        }
        charsLeft = 0;
        return end == 0 ? null : value.substring(0, end);
    }
}
