package dev.trawl.robots;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of shared/conformance/robots/extra_cases.json that RobotsPolicy can express; the rest are skipped with
 * the reason of their kind (see {@link ExtraCase#skipReason}) and counted in the printed summary.
 */
class ExtraCasesTest {
    private static final String FILE = "extra_cases.json";
    private static final String ROBOTS_URL = "http://foo.bar/robots.txt";

    /** One case; index is its position in the file, for a stable display name. */
    record ExtraCase(int index, JsonNode json) {
        String kind() {
            return json.get("kind").asText();
        }

        /** Null when the case runs. */
        String skipReason() {
            return switch (kind()) {
                case "escape_pattern" -> "escape_pattern: rule escaping is internal to crawler-commons; its effect on"
                        + " verdicts is covered by cases.json google/ID_Encoding";
                case "byte_order_mark" -> "byte_order_mark: directive counts are not exposed, and every verdict for"
                        + " these files is 'allow' with or without the spoiled line";
                case "cc_agent_names" -> "cc_agent_names: agent lists, empty lists or several names on one"
                        + " User-agent line need prefix matching; trawl matches one product token exactly (RFC 9309"
                        + " §2.2.1)";
                case "cc_defer_visits" -> "cc_defer_visits: RobotsRules has no defer-visits flag; the caller re-fetches"
                        + " robots.txt after a 5xx or an unreachable host";
                case "path_params_query" -> isAbsoluteOrEmpty(json.get("url").asText()) ? null
                        : "path_params_query: not an absolute URL, and allows() takes canonical absolute URLs";
                case "cc_crawl_delay" -> json.get("user_agent_names").size() == 1 ? null
                        : "cc_crawl_delay: several robot names; trawl sends one product token";
                default -> null;
            };
        }

        String displayName() {
            String detail = switch (kind()) {
                case "valid_user_agent_token" -> "'" + json.get("input").asText() + "'";
                case "path_params_query" -> "'" + json.get("url").asText() + "'";
                case "escape_pattern" -> "'" + json.get("pattern").asText() + "'";
                case "line_endings", "byte_order_mark" -> json.get("variant").asText();
                case "cc_robots_fetch_status" -> json.get("http_status").asText()
                        + (isRedirect() ? " [deviates: allow all, see RobotsPolicy.fromStatus]" : "");
                default -> json.path("user_agent_names").toString();
            };
            return "%s #%d %s".formatted(kind(), index, detail);
        }

        boolean isRedirect() {
            int status = json.path("http_status").asInt();
            return status >= 300 && status <= 399;
        }

        private static boolean isAbsoluteOrEmpty(String url) {
            return url.isEmpty() || url.startsWith("http://") || url.startsWith("https://");
        }
    }

    static Stream<Named<ExtraCase>> cases() {
        return extraCases().stream().map(c -> Named.of(c.displayName(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void factHolds(ExtraCase c) {
        Assumptions.assumeTrue(c.skipReason() == null, c::skipReason);
        JsonNode json = c.json();
        switch (c.kind()) {
            case "valid_user_agent_token" -> assertThat(RobotsPolicy.isValidProductToken(json.get("input").asText()))
                    .isEqualTo(json.get("valid").asBoolean());
            case "path_params_query" -> matchedPathIs(json.get("url").asText(), json.get("expected").asText());
            case "line_endings" -> lastDirectiveLandsInItsGroup(json);
            case "sitemap" -> sitemapsAre(ROBOTS_URL, "foo", json);
            case "cc_sitemaps" -> sitemapsAre(json.get("robots_url").asText(), firstName(json), json);
            case "cc_crawl_delay" -> crawlDelayIs(json);
            case "cc_robots_fetch_status" -> fetchStatusVerdictIs(c);
            default -> throw new AssertionError("unknown kind " + c.kind() + ": add it here or to skipReason");
        }
    }

    /**
     * The part of the URL crawler-commons matches, observed through a verdict: with "Disallow: /" and
     * "Allow: {expected}$", the URL is allowed only if its matched part is exactly the expected one.
     */
    private static void matchedPathIs(String url, String expected) {
        String robots = "User-agent: *\nDisallow: /\nAllow: " + expected + "$\n";
        assertThat(parse("anybot", ROBOTS_URL, robots.getBytes(StandardCharsets.UTF_8)).allows(url))
                .as("url '%s' should be matched as '%s'", url, expected)
                .isTrue();
    }

    /**
     * Directive counts and line numbers are not exposed; what shows is the effect: bar's "Disallow: /" comes last
     * (line 6), so it only applies to bar if every line ending split the lines.
     */
    private static void lastDirectiveLandsInItsGroup(JsonNode json) {
        byte[] robots = ConformanceData.robotsBytes(json);
        assertThat(parse("bar", ROBOTS_URL, robots).allows("http://foo.bar/some/path")).isFalse();
        assertThat(parse("foo", ROBOTS_URL, robots).allows("http://foo.bar/some/path")).isTrue();
        assertThat(parse("baz", ROBOTS_URL, robots).allows("http://foo.bar/")).isTrue();
    }

    private static void sitemapsAre(String robotsUrl, String agent, JsonNode json) {
        ParsedRules rules = (ParsedRules) parse(agent, robotsUrl, ConformanceData.robotsBytes(json));
        assertThat(rules.sitemaps()).containsExactlyElementsOf(ConformanceData.strings(json.get("sitemaps")));
    }

    private static void crawlDelayIs(JsonNode json) {
        JsonNode millis = json.get("crawl_delay_ms");
        Duration expected = millis.isNull() ? Duration.ZERO : Duration.ofMillis(millis.asLong());
        assertThat(parse(firstName(json), ROBOTS_URL, ConformanceData.robotsBytes(json)).crawlDelay())
                .isEqualTo(expected);
    }

    /** defer_visits is not checked: RobotsRules has no such flag. A 3xx here deviates on purpose. */
    private static void fetchStatusVerdictIs(ExtraCase c) {
        boolean expected = c.isRedirect() || c.json().get("allowed").asBoolean();
        RobotsRules rules = new RobotsPolicy("trawl/0.1").fromStatus(c.json().get("http_status").asInt());
        assertThat(rules.allows("http://foo.bar/some/page")).isEqualTo(expected);
        assertThat(rules.allows(ROBOTS_URL)).as("/robots.txt is always allowed").isTrue();
    }

    private static RobotsRules parse(String userAgent, String robotsUrl, byte[] robots) {
        return new RobotsPolicy(userAgent).fromBody(robotsUrl, robots, "text/plain");
    }

    private static String firstName(JsonNode json) {
        return json.get("user_agent_names").get(0).asText();
    }

    @AfterAll
    static void printSummary() {
        System.out.println(ConformanceSummary.of(FILE, extraCases(), ExtraCase::skipReason)
                + "; not checked within run cases: line_endings directive count/line number (checked through"
                + " verdicts), cc_robots_fetch_status defer_visits; 1 expected deviation: a 3xx given to"
                + " fromStatus allows all (RFC 9309 §2.3.1.2, caller gave up after 5 hops), crawler-commons disallows");
    }

    private static List<ExtraCase> extraCases() {
        List<JsonNode> nodes = ConformanceData.load(FILE);
        return IntStream.range(0, nodes.size()).mapToObj(i -> new ExtraCase(i, nodes.get(i))).toList();
    }
}
