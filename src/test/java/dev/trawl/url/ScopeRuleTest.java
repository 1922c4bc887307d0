package dev.trawl.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScopeRuleTest {
    @ParameterizedTest(name = "{0} seed {1}: {2} -> {3}")
    @CsvSource({
        "HOST,   http://www.example.co.uk/,  http://www.example.co.uk/x,      true",
        "HOST,   http://www.example.co.uk/,  https://www.example.co.uk:8443/, true",
        "HOST,   http://www.example.co.uk/,  http://shop.example.co.uk/x,     false",
        "HOST,   http://www.example.co.uk/,  http://example.co.uk/,           false",
        "HOST,   http://127.0.0.1:8088/,     http://127.0.0.1:9999/a,         true",
        "DOMAIN, http://www.example.co.uk/,  http://shop.example.co.uk/x,     true",
        "DOMAIN, http://www.example.co.uk/,  http://example.co.uk/,           true",
        "DOMAIN, http://www.example.co.uk/,  http://a.b.example.co.uk/,       true",
        "DOMAIN, http://www.example.co.uk/,  http://other.co.uk/,             false",
        "DOMAIN, http://www.example.co.uk/,  http://co.uk/,                   false",
        "DOMAIN, http://www.example.co.uk/,  http://example.com/,             false",
        "DOMAIN, http://a.github.io/,        http://b.github.io/,             false",
        "DOMAIN, http://a.github.io/,        http://x.a.github.io/,           true",
        "DOMAIN, http://127.0.0.1:8088/,     http://127.0.0.1/x,              true",
        "DOMAIN, http://127.0.0.1:8088/,     http://127.0.0.2/x,              false",
        "DOMAIN, http://localhost:8088/,     http://localhost/x,              true",
        "DOMAIN, http://[::1]/,              http://[::1]:81/,                true",
        "ANY,    http://www.example.co.uk/,  http://other.co.uk/,             true",
        "ANY,    http://www.example.co.uk/,  https://[::1]/,                  true"})
    void decidesScopeFromTheSeeds(Scope scope, String seed, String url, boolean inScope) {
        assertThat(new ScopeRule(scope, List.of(seed)).isInScope(url)).isEqualTo(inScope);
    }

    @ParameterizedTest
    @CsvSource({"http://a.example.com/, true", "http://b.example.org/x, true", "http://example.net/, false"})
    void acceptsTheDomainOfAnySeed(String url, boolean inScope) {
        ScopeRule rule = new ScopeRule(Scope.DOMAIN, List.of("http://www.example.com/", "https://example.org/"));
        assertThat(rule.isInScope(url)).isEqualTo(inScope);
    }
}
