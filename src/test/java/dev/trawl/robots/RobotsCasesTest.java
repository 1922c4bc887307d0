package dev.trawl.robots;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every allow/disallow case of shared/conformance/robots/cases.json, through the public RobotsPolicy API. The case's
 * user_agent is handed over as the User-Agent header, so its product token is what gets matched; an empty one
 * matches only the '*' group. An empty url is passed as is: crawler-commons then judges the path "/", which is what
 * Google's matcher does with an empty URL (extra_cases path_params_query: "" → "/").
 */
class RobotsCasesTest {
    private static final String FILE = "cases.json";
    private static final String ROBOTS_URL = "http://foo.bar/robots.txt";

    /** One case as our API states it. skipReason is null when it runs. */
    record VerdictCase(JsonNode json, boolean expected, boolean ccDeviation, String skipReason) {
        static VerdictCase of(JsonNode json) {
            JsonNode cc = json.get("crawler_commons_allowed");
            boolean expected = cc != null ? cc.asBoolean() : json.get("allowed").asBoolean();
            return new VerdictCase(json, expected, cc != null, skipReason(json.get("user_agent").asText()));
        }

        private static String skipReason(String userAgent) {
            if (userAgent.strip().contains(" ")) {
                return "user_agent is several words, not one product token: RobotsPolicy takes a User-Agent header"
                        + " and would match only its first product (\"Foo Bar\" → \"foo\", already run as /L246)";
            }
            return null;
        }

        String displayName() {
            String name = json.get("name").asText();
            return ccDeviation ? name + " [documented crawler-commons deviation: expects crawler_commons_allowed]" : name;
        }
    }

    static Stream<Named<VerdictCase>> cases() {
        return verdictCases().stream().map(c -> Named.of(c.displayName(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verdictMatches(VerdictCase c) {
        Assumptions.assumeTrue(c.skipReason() == null, c::skipReason);
        JsonNode json = c.json();
        RobotsRules rules = new RobotsPolicy(json.get("user_agent").asText())
                .fromBody(ROBOTS_URL, ConformanceData.robotsBytes(json), "text/plain");

        assertThat(rules.allows(json.get("url").asText()))
                .as("%s: agent '%s', url '%s'", json.get("source").asText(), json.get("user_agent").asText(),
                        json.get("url").asText())
                .isEqualTo(c.expected());
    }

    @AfterAll
    static void printSummary() {
        List<VerdictCase> all = verdictCases();
        long deviations = all.stream().filter(VerdictCase::ccDeviation).count();
        System.out.println(ConformanceSummary.of(FILE, all, VerdictCase::skipReason)
                + " (" + deviations + " expect the documented crawler-commons verdict)");
    }

    private static List<VerdictCase> verdictCases() {
        return ConformanceData.load(FILE).stream().map(VerdictCase::of).toList();
    }
}
