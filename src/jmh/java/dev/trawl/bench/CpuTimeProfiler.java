package dev.trawl.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Reports the benchmark JVM's CPU time per operation ({@code -prof dev.trawl.bench.CpuTimeProfiler}), next to
 * JMH's wall-clock score. On a machine whose cores are shared with other builds the wall clock mostly measures
 * the queue for a core; CPU time does not (caches and SMT siblings still add noise). It is the whole process's
 * CPU: the store's writer thread counts, as it should, but so do GC, the JIT, and per-invocation setup methods.
 * The OS reports it in clock ticks (10 ms on Linux), which is noise of under 1 % on iterations of a second or more.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long startCpuNanos;

    @Override
    public String getDescription() {
        return "process CPU time per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        startCpuNanos = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result<?>> afterIteration(BenchmarkParams benchmarkParams,
                                                          IterationParams iterationParams, IterationResult result) {
        long cpu = os.getProcessCpuTime() - startCpuNanos;
        long ops = result.getMetadata().getAllOps();
        double perOp = ops == 0 ? Double.NaN : (double) cpu / ops;
        return List.of(new ScalarResult("cpu", perOp, "ns/op", AggregationPolicy.AVG));
    }
}
