package dev.trawl.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @ParameterizedTest(name = "Retry-After: {0}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            120                           | 120
            0                             | 0
            '  7 '                        | 7
            Wed, 25 Nov 2026 12:00:30 GMT | 30
            Wed, 25 Nov 2026 11:00:00 GMT | 0
            99999                         | 300
            -5                            | none
            soon                          | none
            ''                            | none
            """)
    void parsesRetryAfterAsSecondsOrHttpDate(String header, Long seconds) {
        Optional<Duration> wait = RetryPolicy.retryAfter(header, NOW);
        if (seconds == null) assertThat(wait).isEmpty();
        else assertThat(wait).contains(Duration.ofSeconds(seconds));
    }

    @Test
    void backoffGrowsExponentiallyWithJitterWithinBounds() {
        var policy = new RetryPolicy(5, Duration.ofMillis(100), new Random(42));
        for (int attempt = 0; attempt < 5; attempt++) {
            long ceiling = 100L << attempt;
            for (int i = 0; i < 200; i++) {
                assertThat(policy.backoff(attempt).toMillis()).isBetween(ceiling / 2, ceiling);
            }
        }
    }

    @Test
    void retriesOnlyAsOftenAsConfigured() {
        var policy = new RetryPolicy(2, Duration.ofMillis(1), new Random(1));
        assertThat(policy.mayRetry(0)).isTrue();
        assertThat(policy.mayRetry(1)).isTrue();
        assertThat(policy.mayRetry(2)).isFalse();
    }
}
