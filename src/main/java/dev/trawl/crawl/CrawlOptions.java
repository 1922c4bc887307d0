package dev.trawl.crawl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.trawl.extract.ExtractionRules;
import dev.trawl.extract.RulesFile;
import dev.trawl.frontier.HostBudget;
import dev.trawl.frontier.TrapRules;
import dev.trawl.url.Scope;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The options that shape a crawl, as stored with a shared crawl (PostgreSQL, {@code meta.crawl_options}) so that
 * every worker crawls by the same rules. Per-process options (--concurrency, --time-limit, --quiet, the parse pool)
 * are not among them. Stored as JSON, one key per command-line option.
 */
record CrawlOptions(List<String> seeds, long maxPages, int maxDepth, int perHost, Duration delay, Duration timeout,
                    int retries, Scope scope, List<String> include, List<String> exclude, boolean ignoreRobots,
                    String userAgent, long maxBody, int maxUrlLength, int maxPathRepeats, long maxPagesPerHost,
                    List<String> headers, boolean allowPrivate, String extraction, boolean storeBodies) {
    private static final JsonFactory JSON = new JsonFactory();

    CrawlOptions {
        seeds = List.copyOf(seeds);
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        headers = List.copyOf(headers);
    }

    /** The options of config, with its seeds in normalized form. */
    static CrawlOptions of(CrawlConfig config, List<String> normalizedSeeds) {
        return new CrawlOptions(normalizedSeeds, config.maxPages(), config.maxDepth(), config.perHost(),
                config.delay(), config.timeout(), config.retries(), config.scope(), patterns(config.include()),
                patterns(config.exclude()), config.ignoreRobots(), config.userAgent(), config.maxBody(),
                config.maxUrlLength(), config.maxPathRepeats(), config.maxPagesPerHost(), config.headers(),
                config.allowPrivate(), config.extraction().isEmpty() ? "" : config.extraction().toJson(),
                config.storeBodies());
    }

    private static List<String> patterns(List<Pattern> patterns) {
        return patterns.stream().map(Pattern::pattern).toList();
    }

    /** A config for a worker joining this crawl, with its own per-process settings. */
    CrawlConfig.Builder toBuilder(String db) {
        return CrawlConfig.builder(seeds).db(db).maxPages(maxPages).maxDepth(maxDepth).perHost(perHost).delay(delay)
                .timeout(timeout).retries(retries).scope(scope).include(include.stream().map(Pattern::compile).toList())
                .exclude(exclude.stream().map(Pattern::compile).toList()).ignoreRobots(ignoreRobots)
                .userAgent(userAgent).maxBody(maxBody).maxUrlLength(maxUrlLength).maxPathRepeats(maxPathRepeats)
                .maxPagesPerHost(maxPagesPerHost).headers(headers).allowPrivate(allowPrivate)
                .extraction(extraction.isEmpty() ? ExtractionRules.NONE
                        : ExtractionRules.of(List.of(), RulesFile.parse(extraction, false, "the crawl's stored rules")))
                .storeBodies(storeBodies);
    }

    /**
     * The first option in which a process asking for {@code asked} disagrees with these (the crawl's), as
     * "--per-host: this crawl was started with 4, not 8"; empty when they agree. Seeds compare as sets.
     */
    Optional<String> firstDifference(CrawlOptions asked) {
        Map<String, String> mine = shown();
        Map<String, String> theirs = asked.shown();
        for (var option : mine.entrySet()) {
            String other = theirs.get(option.getKey());
            if (!option.getValue().equals(other)) {
                return Optional.of(option.getKey() + ": this crawl was started with " + option.getValue()
                        + ", not " + other);
            }
        }
        return Optional.empty();
    }

    /** Each option as the command line writes it, in the order crawl --help lists them. */
    private Map<String, String> shown() {
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("SEED_URL", String.join(" ", seeds.stream().sorted().distinct().toList()));
        shown.put("--max-pages", limit(maxPages));
        shown.put("--max-depth", limit(maxDepth));
        shown.put("--per-host", Integer.toString(perHost));
        shown.put("--delay", duration(delay));
        shown.put("--timeout", duration(timeout));
        shown.put("--retries", Integer.toString(retries));
        shown.put("--scope", scope.name().toLowerCase(java.util.Locale.ROOT));
        shown.put("--include", include.isEmpty() ? "none" : String.join(" ", include));
        shown.put("--exclude", exclude.isEmpty() ? "none" : String.join(" ", exclude));
        shown.put("--ignore-robots", ignoreRobots ? "on" : "off");
        shown.put("--user-agent", "'" + userAgent + "'");
        shown.put("--max-body", maxBody + " bytes");
        shown.put("--max-url-length", Integer.toString(maxUrlLength));
        shown.put("--max-path-repeats", Integer.toString(maxPathRepeats));
        shown.put("--max-pages-per-host", Long.toString(maxPagesPerHost));
        shown.put("--header", headers.isEmpty() ? "none" : String.join(" ", headers.stream().map(h -> "'" + h + "'").toList()));
        shown.put("--allow-private", allowPrivate ? "on" : "off");
        shown.put("--extract/--rules", extraction.isEmpty() ? "none" : extraction);
        shown.put("--store-bodies", storeBodies ? "on" : "off");
        return shown;
    }

    private static String limit(long value) {
        return value == CrawlConfig.UNLIMITED ? "unlimited" : Long.toString(value);
    }

    private static String duration(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }

    String toJson() {
        var text = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(text)) {
            g.writeStartObject();
            strings(g, "seeds", seeds);
            g.writeNumberField("max_pages", maxPages);
            g.writeNumberField("max_depth", maxDepth);
            g.writeNumberField("per_host", perHost);
            g.writeNumberField("delay_ms", delay.toMillis());
            g.writeNumberField("timeout_ms", timeout.toMillis());
            g.writeNumberField("retries", retries);
            g.writeStringField("scope", scope.name());
            strings(g, "include", include);
            strings(g, "exclude", exclude);
            g.writeBooleanField("ignore_robots", ignoreRobots);
            g.writeStringField("user_agent", userAgent);
            g.writeNumberField("max_body", maxBody);
            g.writeNumberField("max_url_length", maxUrlLength);
            g.writeNumberField("max_path_repeats", maxPathRepeats);
            g.writeNumberField("max_pages_per_host", maxPagesPerHost);
            strings(g, "headers", headers);
            g.writeBooleanField("allow_private", allowPrivate);
            g.writeStringField("extraction", extraction);
            g.writeBooleanField("store_bodies", storeBodies);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) g.writeString(v);
        g.writeEndArray();
    }

    /**
     * Reads options written by {@link #toJson}.
     *
     * @throws IllegalArgumentException when the text is not such options (a field missing or of the wrong type)
     */
    static CrawlOptions fromJson(String json) {
        Map<String, Object> fields = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IllegalArgumentException("not a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                fields.put(name, switch (value) {
                    case START_ARRAY -> {
                        List<String> list = new ArrayList<>();
                        while (p.nextToken() != JsonToken.END_ARRAY) list.add(p.getText());
                        yield list;
                    }
                    case VALUE_NUMBER_INT -> p.getLongValue();
                    case VALUE_TRUE, VALUE_FALSE -> p.getBooleanValue();
                    default -> p.getText();
                });
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("stored crawl options are not JSON: " + e.getMessage(), e);
        }
        try {
            return new CrawlOptions(list(fields, "seeds"), number(fields, "max_pages"), (int) number(fields, "max_depth"),
                    (int) number(fields, "per_host"), Duration.ofMillis(number(fields, "delay_ms")),
                    Duration.ofMillis(number(fields, "timeout_ms")), (int) number(fields, "retries"),
                    Scope.valueOf((String) fields.get("scope")), list(fields, "include"), list(fields, "exclude"),
                    (Boolean) fields.get("ignore_robots"), (String) fields.get("user_agent"), number(fields, "max_body"),
                    // absent in options stored before these existed: the crawl goes on under the defaults
                    (int) numberOr(fields, "max_url_length", TrapRules.DEFAULT_MAX_URL_LENGTH),
                    (int) numberOr(fields, "max_path_repeats", TrapRules.DEFAULT_MAX_PATH_REPEATS),
                    numberOr(fields, "max_pages_per_host", HostBudget.DEFAULT_LIMIT),
                    listOr(fields, "headers"), Boolean.TRUE.equals(fields.get("allow_private")),
                    fields.get("extraction") instanceof String rules ? rules : "",
                    Boolean.TRUE.equals(fields.get("store_bodies")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("stored crawl options are incomplete: " + json, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Map<String, Object> fields, String name) {
        return (List<String>) java.util.Objects.requireNonNull(fields.get(name), name);
    }

    @SuppressWarnings("unchecked")
    private static List<String> listOr(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        return value == null ? List.of() : (List<String>) value;
    }

    private static long numberOr(Map<String, Object> fields, String name, long absent) {
        Object value = fields.get(name);
        return value == null ? absent : (Long) value;
    }

    private static long number(Map<String, Object> fields, String name) {
        return (Long) java.util.Objects.requireNonNull(fields.get(name), name);
    }
}
