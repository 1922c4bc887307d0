package dev.trawl.frontier;

import dev.trawl.url.Urls;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import javax.management.ObjectName;

/**
 * Issue 5's frontier memory measurement (not a JMH benchmark): heap bytes per known URL with N URLs (default
 * 1,000,000) over a few hundred hosts, first in the seen-set only, then also queued in the scheduler as they
 * are after discovery. Heap used is read after full GCs, before and after each step. Prints the figures and the
 * top of the class histogram, which names the structure that costs what.
 *
 * <p>Run: {@code java -XX:+UseSerialGC -Xmx2g -cp target/benchmarks.jar dev.trawl.frontier.FrontierMemory [N] [HOSTS]}
 */
public final class FrontierMemory {
    private FrontierMemory() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int hosts = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        long base = usedAfterGc();

        SeenSet seen = new SeenSet();
        for (int i = 0; i < n; i++) {
            seen.add(url(i, hosts)); // the string is garbage afterwards: the set keeps a 64-bit fingerprint
        }
        long afterSeen = usedAfterGc();

        Scheduler scheduler = new Scheduler(64, 4, Duration.ZERO, Long.MAX_VALUE, Urls::host, System::nanoTime);
        for (int i = 0; i < n; i++) {
            scheduler.add(CrawlItem.of(url(i, hosts), 1));
        }
        long afterQueued = usedAfterGc();

        System.out.printf("frontier memory: %,d URLs over %d hosts, e.g. %s (%d chars)%n", n, hosts, url(n - 1, hosts),
                url(n - 1, hosts).length());
        System.out.printf("  seen-set only:          %,12d bytes = %6.1f bytes per URL (%,d in the set)%n",
                afterSeen - base, (afterSeen - base) / (double) n, seen.size());
        System.out.printf("  queued in the scheduler: %,12d bytes = %6.1f bytes per URL (%,d queued)%n",
                afterQueued - afterSeen, (afterQueued - afterSeen) / (double) n, scheduler.queued());
        System.out.printf("  seen-set + queued:      %,12d bytes = %6.1f bytes per URL%n",
                afterQueued - base, (afterQueued - base) / (double) n);
        System.out.println("class histogram, top 12 (live objects, after a full GC):");
        histogram().lines().limit(15).forEach(line -> System.out.println("  " + line));
        if (seen.size() + scheduler.queued() == 0) System.out.println(); // keeps both reachable to here
    }

    /** Realistic URL shapes: http://host-N.example/secNN/page-NNNNNN.html, hosts taken in turn. */
    static String url(int i, int hosts) {
        return "http://host-" + (i % hosts) + ".example/sec" + (i % 40) + "/page-" + i + ".html";
    }

    private static long usedAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            Runtime rt = Runtime.getRuntime();
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }

    /** What jcmd PID GC.class_histogram prints, through the same diagnostic command MBean. */
    private static String histogram() throws Exception {
        return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
    }
}
