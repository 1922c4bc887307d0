package dev.trawl.extract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.parser.ParseSettings;
import org.jsoup.parser.Tag;

/**
 * Extraction without a tree: the fields' values collected while {@link PlainMarkup} reads the page once, for fields
 * whose selectors are {@link SimpleSelector}s giving {@code ::text} or {@code ::attr(name)}. jsoup's parse and
 * selector engine cost 100-250 µs on a 12 KB page; this reads it in a fraction of that (docs/BENCHMARKS.md), which is
 * what makes {@code trawl extract} cheaper per page than the crawl that fetched it.
 *
 * <p>How: every open element carries, per selector step, whether a chain of steps ends at it ({@code prefix}) and
 * whether it or an ancestor ends one ({@code within}); an element's bits follow from its parent's and its own tag and
 * attributes, so they are known at its start tag. Values come in jsoup's order: elements and text nodes in document
 * order, except {@code E::text} of nested matches, which jsoup gives match by match (re-sorted here).
 */
final class StreamedExtraction implements PlainMarkup.Listener {

    /** The fields of one rule set, compiled for streaming. Immutable; shared by threads. */
    static final class Plan {
        private final List<FieldSpec> fields;
        private final SimpleSelector.Step[][] steps;
        private final int[] first; // bit of each field's first step
        private final FieldSelector[] selectors;
        private final long[] last; // each field's last step, as a bit
        private final long ownText; // the last bits of "E::text" fields
        private final long descendantText; // the last bits of "E ::text" fields

        private Plan(List<FieldSpec> fields, SimpleSelector.Step[][] steps, int[] first) {
            this.fields = fields;
            this.steps = steps;
            this.first = first;
            this.selectors = fields.stream().map(FieldSpec::selector).toArray(FieldSelector[]::new);
            this.last = new long[fields.size()];
            long own = 0;
            long descendant = 0;
            for (int f = 0; f < fields.size(); f++) {
                last[f] = 1L << (first[f] + steps[f].length - 1);
                if (selectors[f].output() == FieldSelector.Output.TEXT) {
                    if (selectors[f].descendants()) descendant |= last[f];
                    else own |= last[f];
                }
            }
            this.ownText = own;
            this.descendantText = descendant;
        }

        /** The plan, or null when a field cannot be streamed (its selector or output needs a tree). */
        static Plan of(Collection<FieldSpec> fieldSpecs) {
            List<FieldSpec> fields = List.copyOf(fieldSpecs);
            SimpleSelector.Step[][] steps = new SimpleSelector.Step[fields.size()][];
            int[] first = new int[fields.size()];
            int bits = 0;
            for (int f = 0; f < fields.size(); f++) {
                FieldSelector selector = fields.get(f).selector();
                switch (selector.output()) {
                    case TEXT -> { }
                    case ATTRIBUTE -> {
                        if (selector.attribute().startsWith("abs:")) return null; // jsoup resolves it: a base URI
                    }
                    default -> {
                        return null; // HTML values are serialized from a tree
                    }
                }
                SimpleSelector simple = SimpleSelector.parse(selector.css());
                if (simple == null) return null;
                steps[f] = simple.steps().toArray(SimpleSelector.Step[]::new);
                first[f] = bits;
                bits += steps[f].length;
                if (bits > Long.SIZE) return null;
            }
            return new Plan(fields, steps, first);
        }

        List<FieldSpec> fields() {
            return fields;
        }
    }

    private final Plan plan;
    private final int fieldCount;
    private final ExtractionLimits limits;
    // per open element
    private long[] prefix = new long[64];
    private long[] within = new long[64];
    private int[] order = new int[64];
    private int depth;
    private int elements;
    // per field
    private final List<List<String>> values = new ArrayList<>();
    private final List<IntList> orders = new ArrayList<>();
    private final int[] chars;
    private final boolean[] full;
    private final boolean[] reordered;
    // the text fields still collecting, as last-step bits: a field that has all it can keep stops asking for text
    private long ownText;
    private long descendantText;

    private StreamedExtraction(Plan plan, ExtractionLimits limits) {
        this.plan = plan;
        this.fieldCount = plan.fields.size();
        this.limits = limits;
        this.chars = new int[fieldCount];
        this.full = new boolean[fieldCount];
        this.reordered = new boolean[fieldCount];
        for (int f = 0; f < fieldCount; f++) {
            values.add(new ArrayList<>());
            orders.add(new IntList());
        }
        this.ownText = plan.ownText;
        this.descendantText = plan.descendantText;
    }

    /**
     * The fields of plan read from html, or null when html is not plain markup (see {@link PlainMarkup}) or its
     * values would need the tree to be ordered within the limits.
     */
    static ExtractedFields run(Plan plan, String html, ExtractionLimits limits) {
        StreamedExtraction extraction = new StreamedExtraction(plan, limits);
        if (!PlainMarkup.read(html, extraction)) return null;
        return extraction.result();
    }

    private ExtractedFields result() {
        for (int f = 0; f < fieldCount; f++) {
            if (!reordered[f]) continue;
            if (full[f]) return null; // the cut would fall elsewhere in jsoup's order
            values.set(f, sortedByMatch(values.get(f), orders.get(f)));
        }
        List<FieldSpec> fields = plan.fields;
        return new PageExtraction(limits).run(fields, (field, sink) -> {
            for (String value : values.get(fields.indexOf(field))) {
                if (!sink.accept(value)) return;
            }
        });
    }

    private static List<String> sortedByMatch(List<String> values, IntList orders) {
        Integer[] index = new Integer[values.size()];
        for (int i = 0; i < index.length; i++) index[i] = i;
        java.util.Arrays.sort(index, java.util.Comparator.comparingInt(orders::get)); // stable
        List<String> sorted = new ArrayList<>(index.length);
        for (Integer i : index) sorted.add(values.get(i));
        return sorted;
    }

    @Override
    public boolean wantsText() {
        return depth > 0 && ((prefix[depth - 1] & ownText) | (within[depth - 1] & descendantText)) != 0;
    }

    @Override
    public void open(String name, TagAttributes attributes) {
        long parentPrefix = depth == 0 ? 0 : prefix[depth - 1];
        long parentWithin = depth == 0 ? 0 : within[depth - 1];
        long matched = 0;
        Element element = null;
        for (int f = 0; f < fieldCount; f++) {
            SimpleSelector.Step[] fieldSteps = plan.steps[f];
            for (int i = 0; i < fieldSteps.length; i++) {
                int bit = plan.first[f] + i;
                SimpleSelector.Step step = fieldSteps[i];
                if (i > 0 && ((step.child() ? parentPrefix : parentWithin) & (1L << (bit - 1))) == 0) continue;
                if (step.tag() != null && !step.tag().equals(name)) continue;
                if (step.tagOnly()) {
                    matched |= 1L << bit;
                    continue;
                }
                if (!attributes.hasAll(step.needs())) continue;
                if (element == null) element = new Element(Tag.valueOf(name, ParseSettings.htmlDefault), "", attributes.toJsoup());
                if (step.test().matches(element, element)) matched |= 1L << bit;
            }
        }
        if (depth == prefix.length) grow();
        prefix[depth] = matched;
        within[depth] = parentWithin | matched;
        order[depth] = elements++;
        depth++;
        for (int f = 0; f < fieldCount; f++) {
            FieldSelector selector = plan.selectors[f];
            if (selector.output() == FieldSelector.Output.ATTRIBUTE && !full[f] && hit(f, selector)) {
                String value = attributes.get(selector.attribute());
                if (value != null) add(f, value);
            }
        }
    }

    @Override
    public void close() {
        depth--;
    }

    @Override
    public void text(String text) {
        String trimmed = null;
        for (int f = 0; f < fieldCount; f++) {
            FieldSelector selector = plan.selectors[f];
            if (selector.output() == FieldSelector.Output.TEXT && !(full[f] && selector.descendants()) && hit(f, selector)) {
                if (trimmed == null) trimmed = text.strip();
                if (trimmed.isEmpty()) return;
                add(f, trimmed);
            }
        }
    }

    /** Whether the current element gives field f values: it matches (or for "E ::x", it or an ancestor does). */
    private boolean hit(int f, FieldSelector selector) {
        return ((selector.descendants() ? within[depth - 1] : prefix[depth - 1]) & plan.last[f]) != 0;
    }

    /** A value of field f from the current element; collection stops where no limit could reach further. */
    private void add(int f, String value) {
        FieldSelector selector = plan.selectors[f];
        // "E::text" values come match by match in jsoup: an outer match's text after an inner one's goes first
        boolean byMatch = selector.output() == FieldSelector.Output.TEXT && !selector.descendants();
        IntList fieldOrders = orders.get(f);
        if (byMatch) {
            int match = order[depth - 1];
            if (fieldOrders.size() > 0 && match < fieldOrders.last()) reordered[f] = true;
            if (!full[f]) fieldOrders.add(match);
        }
        if (full[f]) return;
        values.get(f).add(value);
        chars[f] += value.length();
        int enough = plan.fields.get(f).all() ? limits.maxValuesPerField() + 1 : (byMatch ? Integer.MAX_VALUE : 1);
        full[f] = values.get(f).size() >= enough || chars[f] > limits.maxCharsPerPage();
        if (full[f] && !byMatch) descendantText &= ~plan.last[f]; // by-match fields still watch the order
    }

    private void grow() {
        prefix = java.util.Arrays.copyOf(prefix, depth * 2);
        within = java.util.Arrays.copyOf(within, depth * 2);
        order = java.util.Arrays.copyOf(order, depth * 2);
    }

    /** A growable list of ints. */
    private static final class IntList {
        private int[] items = new int[8];
        private int size;

        void add(int value) {
            if (size == items.length) items = java.util.Arrays.copyOf(items, size * 2);
            items[size++] = value;
        }

        int get(int i) {
            return items[i];
        }

        int last() {
            return items[size - 1];
        }

        int size() {
            return size;
        }
    }
}
