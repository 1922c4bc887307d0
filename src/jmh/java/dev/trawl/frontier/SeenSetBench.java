package dev.trawl.frontier;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The seen-set's common case: a link that is already known (29 of a page's 30 on the benchmark site), in a set of
 * {@code known} URLs. Fingerprinting the string dominates; the lookup is one probe of a primitive hash set.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SeenSetBench {
    @Param({"1000000"})
    public int known;

    private final SeenSet seen = new SeenSet();
    private String[] sample;
    private int next;

    @Setup
    public void fill() {
        sample = new String[4096];
        for (int i = 0; i < known; i++) {
            String url = "http://host-" + (i % 300) + ".example/sec" + (i % 40) + "/page-" + i + ".html";
            seen.add(url);
            if (i % (known / sample.length) == 0 && i / (known / sample.length) < sample.length) {
                sample[i / (known / sample.length)] = url;
            }
        }
    }

    @Benchmark
    public boolean addKnown() {
        String url = sample[next];
        next = (next + 1) & (sample.length - 1);
        return seen.add(url);
    }
}
