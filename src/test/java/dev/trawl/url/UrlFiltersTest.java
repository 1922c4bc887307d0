package dev.trawl.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlFiltersTest {
    @ParameterizedTest(name = "include [{0}] exclude [{1}]: {2} -> {3}")
    @CsvSource({
        "'',             '',           http://example.com/a,          true",
        "/docs/,         '',           http://example.com/docs/x,     true",
        "/docs/,         '',           http://example.com/blog/x,     false",
        "/docs/ /blog/,  '',           http://example.com/blog/x,     true",
        "'',             \\.pdf$,      http://example.com/a.pdf,      false",
        "'',             \\.pdf$,      http://example.com/a.pdf?x=1,  true",
        "/docs/,         /docs/old/,   http://example.com/docs/old/a, false",
        "/docs/,         /docs/old/,   http://example.com/docs/new/a, true",
        "^https://,      '',           http://example.com/,           false"})
    void acceptsWhenSomeIncludeAndNoExcludeIsFound(String include, String exclude, String url, boolean accepted) {
        assertThat(new UrlFilters(patterns(include), patterns(exclude)).accepts(url)).isEqualTo(accepted);
    }

    private static List<Pattern> patterns(String spaceSeparated) {
        return Arrays.stream(spaceSeparated.split(" ")).filter(p -> !p.isEmpty()).map(Pattern::compile).toList();
    }
}
