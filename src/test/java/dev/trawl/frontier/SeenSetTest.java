package dev.trawl.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeenSetTest {
    @Test
    void aFullSetSaysMaybeNewForWhatItDoesNotHoldAndStillKnowsWhatItHolds() {
        var seen = new SeenSet(3);
        assertThat(seen.add("http://a/1")).isTrue();
        assertThat(seen.add("http://a/2")).isTrue();
        assertThat(seen.add("http://a/1")).isFalse();
        assertThat(seen.isFull()).isFalse();
        assertThat(seen.add("http://a/3")).isTrue();
        assertThat(seen.isFull()).isTrue();

        assertThat(seen.add("http://a/4")).as("maybe new").isTrue();
        assertThat(seen.add("http://a/4")).as("not remembered: still maybe new").isTrue();
        assertThat(seen.contains("http://a/4")).isFalse();
        assertThat(seen.add("http://a/2")).as("held before the set filled").isFalse();
        assertThat(seen.size()).isEqualTo(3);
    }

    @Test
    void aSetFilledToItsLimitNeverGrowsItsTablePastTheBudget() {
        for (long budget : new long[] {16 * 1024, 1_000_000, 3 * 1024 * 1024}) {
            int limit = SeenSet.limitForBytes(budget);
            var seen = new SeenSet(limit);
            for (int i = 0; i < limit + 1000; i++) seen.add("http://example.com/" + i);
            assertThat(seen.size()).isEqualTo(limit);
            assertThat(seen.tableBytes()).as("budget %d", budget).isLessThanOrEqualTo(budget);
            assertThat(seen.tableBytes()).as("and uses at least half of it").isGreaterThan(budget / 2);
        }
    }

    @Test
    void theDefaultHeapAllowsMillionsOfUrls() {
        assertThat(SeenSet.limitForBytes(192L * 1024 * 1024 / 4)).isGreaterThan(2_500_000);
    }
}
