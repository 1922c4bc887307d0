package dev.trawl.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrapRulesTest {
    private static final String LONG = "http://e.com/" + "x".repeat(2070);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "ok", value = {
        "http://e.com/a/a/a                    | repeating_path",
        "http://e.com/a/a/b                    | ok",
        "http://e.com/x/y/x/y/x/y              | repeating_path",
        "http://e.com/docs/en/docs/en/         | ok",
        "http://e.com/a//a//a/                 | repeating_path",
        "http://e.com//////                    | ok",
        "http://e.com/1/2/3/4/5/6/7/8/9/10     | ok",
        "http://e.com/p?a/a/a/a                | ok",
        "https://web.archive.org/web/2022/http://www.netlib.org/fp/dtoa.c | ok"})
    void repeatingSegmentsAreATrapPastTwo(String url, String expected) {
        SkipReason reason = TrapRules.DEFAULT.check(url);
        assertThat(reason == null ? null : reason.code()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} chars")
    @CsvSource(delimiter = '|', nullValues = "ok", value = {"2083 | ok", "2084 | url_too_long", "44000 | url_too_long"})
    void urlsPastTheLengthCapAreATrap(int length, String expected) {
        String url = "http://e.com/" + "x".repeat(length - "http://e.com/".length());
        SkipReason reason = TrapRules.DEFAULT.check(url);
        assertThat(reason == null ? null : reason.code()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"0, 0", "0, 2", "5000, 0"})
    void zeroTurnsARuleOff(int maxLength, int maxRepeats) {
        var rules = new TrapRules(maxLength, maxRepeats);
        if (maxLength == 0) assertThat(rules.check(LONG + "/q")).isNotEqualTo(SkipReason.URL_TOO_LONG);
        if (maxRepeats == 0) assertThat(rules.check("http://e.com/a/a/a/a/a")).isNull();
    }
}
