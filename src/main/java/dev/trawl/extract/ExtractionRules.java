package dev.trawl.extract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import org.jsoup.nodes.Document;

/**
 * What a crawl extracts from its pages: the {@code --extract} fields (every page) followed by the rules of a
 * {@code --rules} file (pages whose URL a rule's pattern is found in). For one page, every applying rule adds its
 * fields in that order, and when two name the same field the first one wins: the command line over the file, an
 * earlier rule over a later one (put specific rules first).
 *
 * <p>Immutable and thread-safe: the crawl builds one and the parse pool's threads share it.
 */
public final class ExtractionRules {

    /** A crawl without {@code --extract} or {@code --rules}. */
    public static final ExtractionRules NONE = new ExtractionRules(List.of(), ExtractionLimits.DEFAULT);

    private final List<UrlRule> rules;
    private final ExtractionLimits limits;
    private final List<String> fieldNames;
    /** Per set of applying fields, its streaming plan (empty: it needs a tree). Few sets: one per rule combination. */
    private final Map<List<FieldSpec>, Optional<StreamedExtraction.Plan>> plans = new ConcurrentHashMap<>();

    public ExtractionRules(List<UrlRule> rules, ExtractionLimits limits) {
        this.rules = List.copyOf(rules);
        this.limits = Objects.requireNonNull(limits, "limits");
        Set<String> names = new LinkedHashSet<>();
        this.rules.forEach(rule -> rule.fields().forEach(field -> names.add(field.name())));
        this.fieldNames = List.copyOf(names);
    }

    /** {@code --extract} fields first, then the rules file's rules, with the default limits. */
    public static ExtractionRules of(List<FieldSpec> everyPage, List<UrlRule> fileRules) {
        List<UrlRule> all = new ArrayList<>();
        if (!everyPage.isEmpty()) {
            all.add(UrlRule.everyPage(everyPage));
        }
        all.addAll(fileRules);
        return new ExtractionRules(all, ExtractionLimits.DEFAULT);
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** Every field name any rule gives, first appearance first: the CSV export's extra columns. */
    public List<String> fieldNames() {
        return fieldNames;
    }

    public List<UrlRule> rules() {
        return rules;
    }

    public ExtractionLimits limits() {
        return limits;
    }

    /**
     * Whether some rule applies to the page: only such pages need a jsoup {@link Document} (the parse pool reads
     * others without building a tree).
     */
    public boolean appliesTo(String pageUrl) {
        for (UrlRule rule : rules) {
            if (rule.matches(pageUrl)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The fields of the rules that apply to pageUrl (the URL the page was served from), read from doc.
     * {@link ExtractedFields#NONE} when no rule applies. CPU only; never throws on any document. doc's output
     * settings are read with pretty-printing off (HTML values are the page's own markup) and left as they were.
     */
    public ExtractedFields extract(Document doc, String pageUrl) {
        Map<String, FieldSpec> fields = fieldsFor(pageUrl);
        if (fields.isEmpty()) {
            return ExtractedFields.NONE;
        }
        Document.OutputSettings settings = doc.outputSettings();
        boolean pretty = settings.prettyPrint();
        settings.prettyPrint(false);
        try {
            return new PageExtraction(limits).run(doc, fields.values());
        } finally {
            settings.prettyPrint(pretty);
        }
    }

    /**
     * As {@link #extract(Document, String)}, read from the page's markup without a tree when every applying field's
     * selector allows it ({@link StreamedExtraction}) and the page is plain markup ({@link PlainMarkup}); null
     * otherwise: then parse the page with jsoup and call {@link #extract(Document, String)}. The values are the
     * same either way (the tests hold them to jsoup's).
     */
    public ExtractedFields extractWithoutTree(String html, String pageUrl) {
        Map<String, FieldSpec> fields = fieldsFor(pageUrl);
        if (fields.isEmpty()) {
            return ExtractedFields.NONE;
        }
        List<FieldSpec> key = List.copyOf(fields.values());
        Optional<StreamedExtraction.Plan> plan = plans.computeIfAbsent(key,
                k -> Optional.ofNullable(StreamedExtraction.Plan.of(k)));
        return plan.map(p -> StreamedExtraction.run(p, html, limits)).orElse(null);
    }

    /**
     * Why {@link #extractWithoutTree} gives null for the page: a field whose selector needs the tree, else where the
     * markup stops being plain ({@link PlainMarkup#declinedAt}), else the order of nested matches within the limits.
     * For `trawl extract --debug`.
     */
    String whyTree(String html, String pageUrl) {
        for (FieldSpec field : fieldsFor(pageUrl).values()) {
            if (StreamedExtraction.Plan.of(List.of(field)) == null) return "selector " + field.selector().source();
        }
        String markup = PlainMarkup.declinedAt(html);
        return markup != null ? markup : "nested matches cut by the limits";
    }

    private Map<String, FieldSpec> fieldsFor(String pageUrl) {
        Map<String, FieldSpec> fields = new LinkedHashMap<>();
        for (UrlRule rule : rules) {
            if (rule.matches(pageUrl)) {
                rule.fields().forEach(field -> fields.putIfAbsent(field.name(), field));
            }
        }
        return fields;
    }

    /**
     * The rules as a rules file in JSON ({@link RulesFile#parse} reads it back to equal rules): how a shared crawl
     * stores them, so that every worker extracts the same fields. A rule for every page has no "url".
     */
    public String toJson() {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(text)) {
            g.writeStartObject();
            g.writeArrayFieldStart("rules");
            for (UrlRule rule : rules) {
                g.writeStartObject();
                if (!rule.url().pattern().isEmpty()) g.writeStringField("url", rule.url().pattern());
                g.writeObjectFieldStart("fields");
                for (FieldSpec field : rule.fields()) {
                    g.writeStringField(field.name() + (field.all() ? "[]" : ""), field.selector().source());
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string", e); // a StringWriter does not fail
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return rules.size() + " extraction rule(s), fields " + fieldNames;
    }
}
