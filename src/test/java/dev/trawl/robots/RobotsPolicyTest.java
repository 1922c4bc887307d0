package dev.trawl.robots;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RobotsPolicyTest {
    private static final String UA = "trawl/0.1 (+https://trawl.dev/bot)";
    private static final String ROBOTS_URL = "http://example.com/robots.txt";
    private final RobotsPolicy policy = new RobotsPolicy(UA);

    @ParameterizedTest(name = "status {0} → allows pages: {1}")
    @CsvSource({
        "404, true", "401, true", "403, true", "410, true", "400, true", "429, true",
        "500, false", "502, false", "503, false", "599, false",
        "301, true", "308, true", "100, true"
    })
    void statusDecidesAllOrNothing(int status, boolean allowed) {
        RobotsRules rules = policy.fromStatus(status);

        assertThat(rules.allows("http://example.com/page?q=1")).isEqualTo(allowed);
        assertThat(rules.allows(ROBOTS_URL)).as("/robots.txt itself").isTrue();
        assertThat(rules.crawlDelay()).isEqualTo(Duration.ZERO);
    }

    @Test
    void unreachableDisallowsAllButRobotsTxt() {
        RobotsRules rules = policy.unreachable();

        assertThat(rules.allows("http://example.com/")).isFalse();
        assertThat(rules.allows(ROBOTS_URL)).isTrue();
        assertThat(rules.allows(ROBOTS_URL + "?x=1")).as("a query makes it another resource").isFalse();
    }

    @Test
    void allowAllAllowsEverything() {
        assertThat(RobotsPolicy.allowAll().allows("http://example.com/private/x")).isTrue();
        assertThat(RobotsPolicy.allowAll().crawlDelay()).isEqualTo(Duration.ZERO);
    }

    @ParameterizedTest(name = "''{0}'' → ''{1}''")
    @CsvSource(emptyValue = "", value = {
        "'trawl/0.1 (+https://trawl.dev/bot)', trawl",
        "Trawl, trawl",
        "'  FooBot/2.1', foobot",
        "'Mozilla/5.0 (compatible; trawl/0.1)', mozilla",
        "'Foo Bar', foo",
        "'bot1/1.0', bot1",
        "'my_bot-x(compatible)', my_bot-x",
        "'', ''"
    })
    void productTokenIsTheFirstProductLowerCased(String userAgent, String token) {
        assertThat(RobotsPolicy.productToken(userAgent)).isEqualTo(token);
    }

    @ParameterizedTest(name = "''{0}'' valid: {1}")
    @CsvSource(emptyValue = "", value = {"trawl, true", "Foo_Bar-baz, true", "bot1, false", "'', false", "'a b', false"})
    void productTokenValidityFollowsRfc9309(String token, boolean valid) {
        assertThat(RobotsPolicy.isValidProductToken(token)).isEqualTo(valid);
    }

    @Test
    void matchesOwnGroupExactlyNotByPrefix() {
        RobotsRules rules = parse("""
                User-agent: trawlbot
                Disallow: /
                User-agent: TRAWL
                Disallow: /private
                User-agent: *
                Disallow: /
                """);

        assertThat(rules.allows("http://example.com/public")).isTrue();
        assertThat(rules.allows("http://example.com/private/a")).isFalse();
    }

    @ParameterizedTest(name = "Crawl-delay: {0} → {1} ms, pages allowed: {2}")
    @CsvSource({"2, 2000, true", "0.5, 500, true", "300, 300000, true", "-5, 0, true", "soon, 0, true",
        "301, 0, false", "86400, 0, false"})
    void crawlDelayUpTo300sIsHonouredAndLongerDisallowsTheSite(String value, long millis, boolean allowed) {
        RobotsRules rules = parse("User-agent: *\nCrawl-delay: " + value + "\nDisallow: /private\n");

        assertThat(rules.crawlDelay()).isEqualTo(Duration.ofMillis(millis));
        assertThat(rules.allows("http://example.com/page")).isEqualTo(allowed);
        assertThat(rules.allows(ROBOTS_URL)).isTrue();
    }

    @Test
    void readsOnly500KibAndDropsTheLineCutByTheLimit() {
        String head = "User-agent: *\nDisallow: /early\n#";
        // the limit falls just after "Disallow: /l" of the last line
        String padding = "x".repeat(RobotsPolicy.MAX_BODY_BYTES - head.length() - 13) + "\n";
        RobotsRules rules = parse(head + padding + "Disallow: /late\n");

        assertThat(rules.allows("http://example.com/early")).isFalse();
        assertThat(rules.allows("http://example.com/late")).isTrue();
        assertThat(rules.allows("http://example.com/l")).as("no 'Disallow: /l' fragment").isTrue();
    }

    @Test
    void rulesAreSharedSafelyByManyVirtualThreads() throws Exception {
        RobotsRules rules = parse("User-agent: *\nDisallow: /*.pdf$\nAllow: /docs/\n");
        List<Future<Boolean>> verdicts = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 2_000; i++) {
                String url = "http://example.com/docs/" + i + (i % 2 == 0 ? ".pdf" : ".html");
                verdicts.add(threads.submit(() -> rules.allows(url)));
            }
        }
        for (int i = 0; i < verdicts.size(); i++) {
            assertThat(verdicts.get(i).get()).as("url %d", i).isEqualTo(i % 2 != 0);
        }
    }

    private RobotsRules parse(String robotsTxt) {
        return policy.fromBody(ROBOTS_URL, robotsTxt.getBytes(StandardCharsets.UTF_8), "text/plain");
    }
}
