package dev.trawl.sitemap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import crawlercommons.filters.basic.BasicURLNormalizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of shared/conformance/sitemaps/ (crawler-commons' sitemap files and its inline cases), read by
 * {@link SitemapReader} as if fetched from the case's sitemap_url with the case's parser settings.
 */
class SitemapConformanceTest {
    /** Cases not run, by name, with the reason; a stale entry fails {@link #everySkipNamesACase()}. */
    private static final Map<String, String> SKIPPED = Map.of();

    private static final String DO_NOT_VISIT = "http://www.example.com/do-not-visit-here";
    private static Path doNotVisitCopy;

    static Path dir() {
        String configured = System.getProperty("trawl.conformance");
        Path root = configured != null ? Path.of(configured) : Path.of("..", "shared", "conformance");
        return root.resolve("sitemaps");
    }

    static JsonNode read(String file) {
        try {
            return new ObjectMapper().readTree(Files.readString(dir().resolve(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir().resolve(file).toAbsolutePath(), e);
        }
    }

    /** One case: what to read, how, and what must come out ("error", "sitemap" or "index" and the URLs). */
    record Case(String name, byte[] body, String contentType, String sitemapUrl, SitemapParsing parsing,
            String expected, List<String> urls) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void copyTheFileTheXxeCasesReachFor() throws IOException {
        doNotVisitCopy = Files.createTempFile("do-not-visit", ".txt");
        Files.copy(dir().resolve("do-not-visit.txt"), doNotVisitCopy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @AfterAll
    static void removeIt() throws IOException {
        Files.deleteIfExists(doNotVisitCopy);
    }

    private static SitemapParsing parsing(boolean strict, boolean partial, boolean strictNamespace, boolean doctype,
            boolean normalize) {
        UnaryOperator<String> filter = normalize ? new BasicURLNormalizer()::filter : UnaryOperator.identity();
        return new SitemapParsing(strict, partial, strictNamespace, doctype, filter);
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (JsonNode c : read("expected.json")) {
            byte[] body = Files.readAllBytes(dir().resolve(c.get("file").asText()));
            String url = c.get("sitemap_url").asText();
            // crawler-commons' defaults: strict location, no partial results, any namespace
            cases.add(new Case("file/" + c.get("file").asText(), body, null, url,
                    parsing(true, false, false, false, false), c.get("kind").asText(), texts(c.get("expected_urls"))));
            if (c.has("strict_namespace_result")) {
                boolean ok = c.get("strict_namespace_result").asText().equals("ok");
                cases.add(new Case("file/" + c.get("file").asText() + "/strict-namespace", body, null, url,
                        parsing(true, false, true, false, false), ok ? c.get("kind").asText() : "error",
                        ok ? texts(c.get("expected_urls")) : List.of()));
            }
        }
        for (JsonNode c : read("inline_cases.json")) {
            JsonNode p = c.get("parser");
            String content = c.get("content").asText()
                    .replace("{{DO_NOT_VISIT_FILE_URL}}", doNotVisitCopy.toUri().toString());
            cases.add(new Case(c.get("name").asText(), content.getBytes(StandardCharsets.UTF_8),
                    c.get("content_type").asText(), c.get("sitemap_url").asText(),
                    parsing(p.get("strict").asBoolean(), p.get("allow_partial").asBoolean(),
                            p.get("strict_namespace").asBoolean(), p.get("allow_doctype").asBoolean(), p.has("url_filter")),
                    c.get("expected").asText(), c.has("expected_urls") ? texts(c.get("expected_urls")) : List.of()));
        }
        return cases.stream();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(v -> texts.add(v.asText()));
        return texts;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsAsCrawlerCommonsTestsExpect(Case c) {
        Assumptions.assumeFalse(SKIPPED.containsKey(c.name()), () -> "skipped: " + SKIPPED.get(c.name()));

        SitemapContent content = new SitemapReader(SitemapLimits.DEFAULT, c.parsing())
                .read(c.sitemapUrl(), c.contentType(), c.body());

        switch (c.expected()) {
            case "error" -> assertThat(content).as(c.name()).isInstanceOf(SitemapContent.Unreadable.class);
            case "sitemap" -> assertThat(content).as(c.name()).isInstanceOfSatisfying(SitemapContent.Urls.class,
                    urls -> assertThat(urls.urls()).map(SitemapUrl::url).containsExactlyElementsOf(c.urls()));
            case "index" -> assertThat(content).as(c.name()).isInstanceOfSatisfying(SitemapContent.Index.class,
                    index -> assertThat(index.sitemaps()).map(SitemapUrl::url).containsExactlyElementsOf(c.urls()));
            default -> throw new IllegalStateException("unknown expectation " + c.expected() + " in " + c.name());
        }
        assertThat(content.toString()).as("an entity or XInclude was resolved").doesNotContain(DO_NOT_VISIT);
        if (content instanceof SitemapContent.Unreadable bad) {
            assertThat(bad.reason()).isNotBlank().doesNotContain("\n");
        }
    }

    @Test
    void everySkipNamesACase() throws IOException {
        List<String> names = cases().map(Case::name).toList();
        assertThat(names).hasSize(13 + 2 + 29).doesNotHaveDuplicates().containsAll(SKIPPED.keySet());
        System.out.printf("sitemap conformance: %d cases, %d run, %d skipped%s%n", names.size(),
                names.size() - SKIPPED.size(), SKIPPED.size(), SKIPPED.isEmpty() ? "" : " " + SKIPPED);
    }
}
