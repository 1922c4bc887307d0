package dev.trawl.url;

/**
 * A quick timing, not a test (surefire ignores it): resolves typical links against a page and prints ns/op.
 * Run after test-compile: java -cp target/classes:target/test-classes:$(deps) dev.trawl.url.UrlNormalizerBenchmark
 */
final class UrlNormalizerBenchmark {
    private static final String BASE = "http://127.0.0.1:8088/dir/page.html";
    private static final String[] HREFS = {"../foo/bar.html?x=1#frag", "other.html", "/a/b/c", "#top",
        "https://example.com/path/to/page?b=2&a=1", "img/logo.png"};

    private UrlNormalizerBenchmark() {}

    public static void main(String[] args) {
        UrlNormalizer normalizer = new UrlNormalizer();
        int n = 1_000_000;
        for (int round = 0; round < 5; round++) {
            System.out.printf("resolve typical relative link: %.0f ns/op%n", time(n, i ->
                    normalizer.resolve(BASE, "../foo/bar.html?x=1#frag")));
            System.out.printf("resolve mixed links:           %.0f ns/op%n", time(n, i ->
                    normalizer.resolve(BASE, HREFS[i % HREFS.length])));
            System.out.printf("normalize canonical URL:       %.0f ns/op%n", time(n, i ->
                    normalizer.normalize("http://127.0.0.1:8088/foo/bar.html?x=1")));
        }
    }

    private static double time(int n, java.util.function.IntFunction<String> op) {
        long sink = 0;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sink += op.apply(i).length();
        }
        double nsPerOp = (System.nanoTime() - start) / (double) n;
        if (sink == 42) {
            System.out.println(); // keeps the JIT from dropping the work
        }
        return nsPerOp;
    }
}
