package dev.trawl.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatencyBucketsTest {
    @ParameterizedTest
    @CsvSource({"0, 0", "1, 0", "2, 1", "3, 2", "100, 6", "101, 7", "60000, 14", "60001, 15", "999999999, 15"})
    void millisecondsFallIntoTheBucketWhoseInclusiveBoundHoldsThem(long millis, int bucket) {
        assertThat(LatencyBuckets.bucketOf(millis)).isEqualTo(bucket);
    }

    @Test
    void quantilesInterpolateInsideTheirBucket() {
        long[] counts = new long[LatencyBuckets.COUNT];
        counts[LatencyBuckets.bucketOf(15)] = 50;  // (10, 20]
        counts[LatencyBuckets.bucketOf(150)] = 50; // (100, 200]
        assertThat(LatencyBuckets.quantile(counts, 0.5)).isCloseTo(20, within(1e-9));
        assertThat(LatencyBuckets.quantile(counts, 0.25)).isCloseTo(15, within(1e-9));
        assertThat(LatencyBuckets.quantile(counts, 0.95)).isCloseTo(190, within(1e-9));
    }

    @Test
    void emptyHistogramHasNoQuantileAndTheOpenBucketReportsItsLowerBound() {
        long[] counts = new long[LatencyBuckets.COUNT];
        assertThat(LatencyBuckets.quantile(counts, 0.5)).isEqualTo(-1);
        counts[LatencyBuckets.COUNT - 1] = 3;
        assertThat(LatencyBuckets.quantile(counts, 0.95)).isEqualTo(60_000);
    }
}
