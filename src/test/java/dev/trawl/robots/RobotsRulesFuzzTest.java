package dev.trawl.robots;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Coverage-guided fuzzing of robots.txt parsing (Jazzer): a normal test run replays the inputs stored under
 * src/test/resources/dev/trawl/robots/RobotsRulesFuzzTestInputs/; `JAZZER_FUZZ=1 mvn test -Dtest=RobotsRulesFuzzTest`
 * fuzzes. Whatever a site serves: parsing never throws; /robots.txt itself stays allowed (RFC 9309 §2.2.2); the
 * Crawl-delay is between 0 and the 300 s trawl honours; a file without a Disallow line (in any spelling crawler-commons
 * accepts) nor a Crawl-delay (one too long shuts the site) allows everything; and the verdicts are the same for a second parse of the same bytes.
 */
class RobotsRulesFuzzTest {
    private static final String ROBOTS_URL = "http://fuzz.test/robots.txt";
    private static final List<String> PROBES = List.of("/", "/private/a", "/a/b.html?x=1", "/%7Efoo", "/p%C3%A4th",
            "/*", "/$", "/index.html$");
    /**
     * A Disallow directive, or one of the misspellings crawler-commons also reads as one ("dissallow", "disalow",
     * "diallow", "dsallow", ...: the first finding of this fuzz test, kept as typo-dissallow in the inputs).
     */
    private static final Pattern MAY_DISALLOW = Pattern.compile("d[a-z]{0,3}al");
    private final RobotsPolicy policy = new RobotsPolicy("trawl/0.1 (+https://trawl.dev/bot)");

    @FuzzTest(maxDuration = "60s")
    void anyRobotsTxtGivesRulesThatKeepTheirPromises(FuzzedDataProvider data) {
        String contentType = data.pickValue(new String[] {"text/plain", "text/plain; charset=utf-8", "text/html", null});
        byte[] body = data.consumeRemainingAsBytes();

        RobotsRules rules = policy.fromBody(ROBOTS_URL, body, contentType);
        RobotsRules again = policy.fromBody(ROBOTS_URL, body.clone(), contentType);

        assertThat(rules.allows(ROBOTS_URL)).as("/robots.txt itself").isTrue();
        assertThat(rules.crawlDelay()).isBetween(Duration.ZERO, RobotsPolicy.MAX_CRAWL_DELAY);
        List<String> urls = probes(body);
        for (String url : urls) {
            assertThat(again.allows(url)).as("second parse, %s", url).isEqualTo(rules.allows(url));
        }
        String text = new String(body, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if (!MAY_DISALLOW.matcher(text).find() && !text.contains("delay")) {
            for (String url : urls) assertThat(rules.allows(url)).as("nothing disallows %s", url).isTrue();
        }
    }

    /** The fixed probes, and each path the file itself names after a colon, as a URL on the robots.txt's origin. */
    private static List<String> probes(byte[] body) {
        List<String> urls = new ArrayList<>();
        for (String path : PROBES) urls.add("http://fuzz.test" + path);
        for (String line : new String(body, StandardCharsets.UTF_8).split("[\r\n]", 50)) {
            int colon = line.indexOf(':');
            String value = colon < 0 ? "" : line.substring(colon + 1).strip();
            if (value.startsWith("/") && urls.size() < 60) urls.add("http://fuzz.test" + value);
        }
        return urls;
    }
}
