package dev.trawl.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.fetch.FetchError;
import dev.trawl.fetch.HttpAnswer;
import dev.trawl.robots.RobotsPolicy;
import dev.trawl.url.UrlNormalizer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RobotsCache's decisions against a fake robots.txt server and an injected clock: what each answer means (RFC 9309
 * §2.3.1), expiry after 24 hours (§2.4), backoff while unreachable, giving up, redirects (§2.3.1.2).
 */
class RobotsCacheTest {
    private static final String ORIGIN = "http://site.test";
    private static final Duration BASE = Duration.ofMinutes(1);
    private static final String DISALLOW_PRIVATE = "User-agent: *\nDisallow: /private\n";

    private final TestTime clock = new TestTime();
    private final FakeServer server = new FakeServer();
    private final List<String> unavailable = new CopyOnWriteArrayList<>();
    private final RobotsCache cache = new RobotsCache(server, new RobotsPolicy("trawl/1.0"), new UrlNormalizer(),
            new CrawlListener() {
                @Override
                public void robotsUnavailable(String origin, int failures, boolean gaveUp) {
                    unavailable.add(origin + " " + failures + (gaveUp ? " gave up" : ""));
                }
            }, clock, new RobotsBackoff(BASE, 4), RobotsCache.Bounds.forHeap(192L << 20));

    /**
     * One answer, then what a page on the origin is told: rules (and whether /private and /public are allowed), or
     * held back. The answers: a status with the disallow-/private body, "timeout", "connect", "dns" or "too_large".
     */
    @ParameterizedTest(name = "robots.txt answers {0} -> {1}")
    @CsvSource({
        "200, rules, false, true",
        "404, rules, true, true",
        "403, rules, true, true",
        "401, rules, true, true",
        "410, rules, true, true",
        "429, rules, true, true",
        "500, held, , ",
        "503, held, , ",
        "599, held, , ",
        "timeout, held, , ",
        "connect, held, , ",
        "dns, held, , ",
        "too_large, held, , ",
        // refused by trawl itself (SSRF guard, unusable URL): the pages are refused the same way, nothing to wait for
        "private_address, rules, true, true",
        "bad_url, rules, true, true"})
    void eachAnswerMeansWhatRfc9309Says(String answer, String verdict, Boolean privateAllowed, Boolean publicAllowed)
            throws Exception {
        server.answer("/robots.txt", parse(answer));

        RobotsCache.Verdict got = lookup();

        if (verdict.equals("rules")) {
            assertThat(got).isInstanceOf(RobotsCache.Verdict.Rules.class);
            var rules = ((RobotsCache.Verdict.Rules) got).rules();
            assertThat(rules.allows(ORIGIN + "/private/a")).isEqualTo(privateAllowed);
            assertThat(rules.allows(ORIGIN + "/public")).isEqualTo(publicAllowed);
            assertThat(((RobotsCache.Verdict.Rules) got).fetchedNow()).isTrue();
        } else {
            assertThat(got).isEqualTo(new RobotsCache.Verdict.Held(BASE, 1));
            assertThat(unavailable).containsExactly(ORIGIN + " 1");
        }
        assertThat(server.requests()).containsExactly("/robots.txt");
    }

    @Test
    void rulesAreFetchedOnceAndUsedForUpTo24Hours() throws Exception {
        server.answer("/robots.txt", ok(DISALLOW_PRIVATE));
        assertThat(lookup()).isInstanceOf(RobotsCache.Verdict.Rules.class);

        clock.advance(RobotsCache.MAX_AGE.minusMillis(1));
        var cached = (RobotsCache.Verdict.Rules) lookup();
        assertThat(cached.fetchedNow()).as("within 24 h: from the cache").isFalse();
        assertThat(server.requests()).hasSize(1);

        server.answer("/robots.txt", ok("User-agent: *\nDisallow: /\n"));
        clock.advance(Duration.ofMillis(1));
        var refreshed = (RobotsCache.Verdict.Rules) lookup();
        assertThat(refreshed.fetchedNow()).as("24 h old: fetched again").isTrue();
        assertThat(refreshed.rules().allows(ORIGIN + "/public")).as("the new rules apply").isFalse();
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void unreachableRobotsTxtHoldsTheOriginWithDoublingWaitsThenGivesUp() throws Exception {
        server.answer("/robots.txt", status(503));

        assertThat(lookup()).isEqualTo(new RobotsCache.Verdict.Held(BASE, 1));
        clock.advance(Duration.ofSeconds(20));
        assertThat(lookup()).as("not due yet: no request").isEqualTo(new RobotsCache.Verdict.Held(Duration.ofSeconds(40), 1));
        assertThat(server.requests()).hasSize(1);

        clock.advance(Duration.ofSeconds(40));
        assertThat(lookup()).isEqualTo(new RobotsCache.Verdict.Held(BASE.multipliedBy(2), 2));
        clock.advance(BASE.multipliedBy(2));
        assertThat(lookup()).isEqualTo(new RobotsCache.Verdict.Held(BASE.multipliedBy(4), 3));
        clock.advance(BASE.multipliedBy(4));
        assertThat(lookup()).as("the fourth failure is the last").isEqualTo(new RobotsCache.Verdict.GaveUp(4));

        clock.advance(Duration.ofDays(2));
        assertThat(lookup()).as("no more tries in this run").isEqualTo(new RobotsCache.Verdict.GaveUp(4));
        assertThat(server.requests()).hasSize(4);
        assertThat(unavailable).containsExactly(ORIGIN + " 1", ORIGIN + " 2", ORIGIN + " 3", ORIGIN + " 4 gave up");
    }

    @Test
    void robotsTxtThatRecoversIsObeyedFromThen() throws Exception {
        server.answer("/robots.txt", status(503), status(502), ok(DISALLOW_PRIVATE));

        assertThat(lookup()).isInstanceOf(RobotsCache.Verdict.Held.class);
        clock.advance(BASE);
        assertThat(lookup()).isInstanceOf(RobotsCache.Verdict.Held.class);
        clock.advance(BASE.multipliedBy(2));
        var rules = (RobotsCache.Verdict.Rules) lookup();

        assertThat(rules.rules().allows(ORIGIN + "/public")).isTrue();
        assertThat(rules.rules().allows(ORIGIN + "/private/x")).isFalse();
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void expiredRulesStayInUseWhileRobotsTxtIsUnreachable() throws Exception {
        server.answer("/robots.txt", ok(DISALLOW_PRIVATE), status(503), ok("User-agent: *\nDisallow: /\n"));
        lookup();
        clock.advance(RobotsCache.MAX_AGE);

        var stale = (RobotsCache.Verdict.Rules) lookup();
        assertThat(stale.rules().allows(ORIGIN + "/private/a")).as("the cached copy (RFC 9309 §2.4)").isFalse();
        assertThat(stale.rules().allows(ORIGIN + "/public")).isTrue();
        clock.advance(BASE.minusMillis(1));
        assertThat(((RobotsCache.Verdict.Rules) lookup()).fetchedNow()).isFalse();
        clock.advance(Duration.ofMillis(1));
        var fresh = (RobotsCache.Verdict.Rules) lookup();
        assertThat(fresh.rules().allows(ORIGIN + "/public")).isFalse();
        assertThat(server.requests()).hasSize(3);
        assertThat(unavailable).as("the origin was never held").isEmpty();
    }

    @ParameterizedTest(name = "{0} redirects -> /public allowed: {1}")
    @CsvSource({"0, false", "1, false", "5, false", "6, true"})
    void followsUpToFiveRedirectsThenAllowsAll(int redirects, boolean publicAllowed) throws Exception {
        String last = "/robots.txt";
        for (int i = 1; i <= redirects; i++) {
            server.answer(last, redirect(i % 2 == 0 ? "/hop" + i : "http://other.test/hop" + i));
            last = "/hop" + i; // the fake answers by path: other.test and site.test alike
        }
        server.answer(last, ok("User-agent: *\nDisallow: /\n"));

        var rules = (RobotsCache.Verdict.Rules) lookup();

        assertThat(rules.rules().allows(ORIGIN + "/public")).isEqualTo(publicAllowed);
        assertThat(server.requests()).hasSize(Math.min(redirects, RobotsCache.MAX_REDIRECTS) + 1);
    }

    @Test
    void aRedirectOutOfHttpIsUnavailableSoAllowsAll() throws Exception {
        server.answer("/robots.txt", redirect("ftp://site.test/robots.txt"));

        var rules = (RobotsCache.Verdict.Rules) lookup();

        assertThat(rules.rules().allows(ORIGIN + "/anything")).isTrue();
    }

    @Test
    void tasksNeedingTheSameOriginAtOnceShareOneFetch() throws Exception {
        var release = new CountDownLatch(1);
        server.answer("/robots.txt", ok(DISALLOW_PRIVATE));
        server.beforeAnswer.set(release);
        List<Future<RobotsCache.Verdict>> verdicts = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 50; i++) verdicts.add(threads.submit(this::lookup));
            while (server.requests().isEmpty()) Thread.sleep(1);
            release.countDown();
        }
        long fetchedNow = 0;
        for (var verdict : verdicts) {
            var rules = (RobotsCache.Verdict.Rules) verdict.get(5, TimeUnit.SECONDS);
            assertThat(rules.rules().allows(ORIGIN + "/private")).isFalse();
            if (rules.fetchedNow()) fetchedNow++;
        }
        assertThat(fetchedNow).as("exactly one task spent its request on robots.txt").isEqualTo(1);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void anInterruptedFetchLeavesNoWaiterHangingAndIsTriedAgain() throws Exception {
        var entered = new CountDownLatch(1);
        server.answer("/robots.txt", ok(DISALLOW_PRIVATE));
        server.beforeAnswer.set(new CountDownLatch(1)); // never released: the first fetch blocks until interrupted
        server.entered = entered;
        var firstOutcome = new AtomicReference<Object>();
        Thread first = Thread.ofVirtual().start(() -> {
            try {
                firstOutcome.set(lookup());
            } catch (InterruptedException e) {
                firstOutcome.set(e);
            }
        });
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        first.interrupt();
        first.join(5000);

        assertThat(firstOutcome.get()).isInstanceOf(InterruptedException.class);
        var next = (RobotsCache.Verdict.Rules) lookup();
        assertThat(next.fetchedNow()).as("the next task fetches again").isTrue();
        assertThat(next.rules().allows(ORIGIN + "/private")).isFalse();
    }

    @Test
    void moreOriginsThanTheBoundKeepTheBoundAndTheLeastRecentlyUsedGoFirst() throws Exception {
        server.answer("/robots.txt", ok(DISALLOW_PRIVATE));
        var bounded = cacheWith(new RobotsCache.Bounds(100, 1L << 30));
        for (int i = 0; i < 1_000; i++) {
            bounded.lookup("http://h" + i + ".test", () -> {});
            if (i % 10 == 0) bounded.lookup("http://h0.test", () -> {}); // in use all along
        }
        assertThat(bounded.originsKept()).isEqualTo(100);
        assertThat(server.requests()).as("one robots.txt per origin so far").hasSize(1_000);

        assertThat(((RobotsCache.Verdict.Rules) bounded.lookup("http://h0.test", () -> {})).fetchedNow())
                .as("recently used: kept").isFalse();
        assertThat(((RobotsCache.Verdict.Rules) bounded.lookup("http://h999.test", () -> {})).fetchedNow()).isFalse();
        var again = (RobotsCache.Verdict.Rules) bounded.lookup("http://h500.test", () -> {});
        assertThat(again.fetchedNow()).as("dropped long ago: fetched again").isTrue();
        assertThat(again.rules().allows("http://h500.test/private")).isFalse();
        assertThat(bounded.originsKept()).isEqualTo(100);
    }

    @Test
    void ruleBytesStayWithinTheByteBound() throws Exception {
        String twoKilobytes = "User-agent: *\n" + "Disallow: /private/0123456789\n".repeat(2_000 / 30);
        server.answer("/robots.txt", ok(twoKilobytes));
        long bound = 64 * 1024;
        var bounded = cacheWith(new RobotsCache.Bounds(20_000, bound));
        for (int i = 0; i < 50; i++) bounded.lookup("http://h" + i + ".test", () -> {});
        long perOrigin = RobotsCache.BYTES_PER_ENTRY
                + (long) RobotsCache.BYTES_PER_PARSED_BYTE * twoKilobytes.getBytes(StandardCharsets.UTF_8).length;
        assertThat(bounded.bytesKept()).isLessThanOrEqualTo(bound);
        assertThat(bounded.originsKept()).isEqualTo((int) (bound / perOrigin));

        server.answer("/robots.txt", ok("User-agent: *\n" + "Disallow: /x\n".repeat(600_000 / 13)));
        bounded.lookup("http://huge.test", () -> {});
        assertThat(bounded.originsKept()).as("a rule set over the bound is kept alone").isEqualTo(1);
    }

    @Test
    void theDefaultBoundHoldsForMoreOriginsThanIt() throws Exception {
        server.answer("/robots.txt", ok(DISALLOW_PRIVATE));
        var bounded = cacheWith(RobotsCache.Bounds.forHeap(192L << 20));
        int origins = RobotsCache.Bounds.MAX_ORIGINS + 5_000;
        for (int i = 0; i < origins; i++) bounded.lookup("http://h" + i + ".test", () -> {});
        assertThat(bounded.originsKept()).isEqualTo(RobotsCache.Bounds.MAX_ORIGINS);
        assertThat(bounded.bytesKept()).isLessThanOrEqualTo(24L << 20);
    }

    private RobotsCache cacheWith(RobotsCache.Bounds bounds) {
        return new RobotsCache(server, new RobotsPolicy("trawl/1.0"), new UrlNormalizer(), new CrawlListener() {},
                clock, new RobotsBackoff(BASE, 4), bounds);
    }

    private RobotsCache.Verdict lookup() throws InterruptedException {
        return cache.lookup(ORIGIN, () -> {});
    }

    private static HttpAnswer parse(String answer) {
        return switch (answer) {
            case "timeout", "connect", "dns", "too_large", "private_address", "bad_url" ->
                    new HttpAnswer.Failure(FetchError.valueOf(answer.toUpperCase(java.util.Locale.ROOT)), answer);
            default -> Integer.parseInt(answer) == 200 ? ok(DISALLOW_PRIVATE) : status(Integer.parseInt(answer));
        };
    }

    private static HttpAnswer ok(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new HttpAnswer.Response(200, "text/plain", null, null, bytes, bytes.length, "HTTP/1.1 200 OK", List.of(), bytes, bytes.length);
    }

    private static HttpAnswer status(int status) {
        byte[] bytes = DISALLOW_PRIVATE.getBytes(StandardCharsets.UTF_8); // a body that must not be obeyed
        return new HttpAnswer.Response(status, "text/plain", null, null, bytes, bytes.length, "HTTP/1.1 " + status, List.of(), bytes, bytes.length);
    }

    private static HttpAnswer redirect(String location) {
        return new HttpAnswer.Response(301, "text/html", location, null, null, 0, "HTTP/1.1 301", List.of(), null, 0);
    }

    /** Answers per path, in turn (the last one for ever after); records every path requested. */
    private static final class FakeServer implements RobotsCache.Source {
        private final java.util.Map<String, Deque<HttpAnswer>> answers = new java.util.concurrent.ConcurrentHashMap<>();
        private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
        /** The next request waits for this latch before answering (once). */
        final AtomicReference<CountDownLatch> beforeAnswer = new AtomicReference<>();
        volatile CountDownLatch entered;

        void answer(String path, HttpAnswer... inTurn) {
            answers.put(path, new ArrayDeque<>(List.of(inTurn)));
        }

        List<String> requests() {
            return List.copyOf(requests);
        }

        @Override
        public HttpAnswer get(String url) throws InterruptedException {
            String path = url.substring(url.indexOf('/', url.indexOf("//") + 2));
            requests.add(path);
            if (entered != null) entered.countDown();
            CountDownLatch gate = beforeAnswer.getAndSet(null);
            if (gate != null) gate.await();
            Deque<HttpAnswer> queue = answers.get(path);
            if (queue == null) return status(404);
            synchronized (queue) {
                return queue.size() > 1 ? queue.poll() : queue.peek();
            }
        }
    }
}
