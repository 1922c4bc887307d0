package dev.trawl.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.fetch.FetchError;
import dev.trawl.fetch.HttpAnswer;
import dev.trawl.fetch.RetryPolicy;
import dev.trawl.frontier.Lease;
import dev.trawl.frontier.Scheduler;
import dev.trawl.robots.RobotsPolicy;
import dev.trawl.sitemap.SitemapFetcher.Fetched;
import dev.trawl.url.UrlNormalizer;
import dev.trawl.url.Urls;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a sitemap request ends as, for each answer a server (or the transport) gives, against a fake server: the
 * walk's {@link Fetched} outcome, and the requests it took. Requests go through a real {@link Scheduler} and
 * {@link RobotsCache}, as in a crawl.
 */
class SitemapTaskTest {
    private static final String SITE = "http://site.test";
    private static final String SITEMAP = SITE + "/sitemap.xml";
    private static final byte[] XML = "<urlset/>".getBytes(StandardCharsets.UTF_8);

    private final Map<String, Deque<HttpAnswer>> answers = new HashMap<>();
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private final ExecutorService walker = Executors.newVirtualThreadPerTaskExecutor();
    private final Scheduler scheduler = new Scheduler(4, 2, Duration.ZERO, 0, Urls::host, System::nanoTime);
    private final SitemapRequests requests = new SitemapRequests(scheduler);

    @AfterEach
    void stop() {
        walker.shutdownNow();
    }

    private HttpAnswer serve(String url) {
        requested.add(url);
        Deque<HttpAnswer> queue = answers.get(url);
        if (queue == null) return response(404, null, null);
        return queue.size() > 1 ? queue.removeFirst() : queue.getFirst();
    }

    private void answer(String url, HttpAnswer... inTurn) {
        answers.put(url, new ArrayDeque<>(List.of(inTurn)));
    }

    private static HttpAnswer response(int status, String location, byte[] body) {
        return new HttpAnswer.Response(status, "application/xml", location, null, body, body == null ? 0 : body.length,
                "HTTP/1.1 " + status, List.of(), body, body == null ? 0 : body.length);
    }

    private SitemapTask task(int retries, boolean robots) {
        RobotsCache cache = robots ? new RobotsCache(this::serve, new RobotsPolicy("trawl/1.0"), new UrlNormalizer(),
                CrawlListener.NONE, InstantSource.system(), new RobotsBackoff(Duration.ofMillis(1), 2),
                RobotsCache.Bounds.forHeap(Runtime.getRuntime().maxMemory())) : null;
        return new SitemapTask(scheduler, this::serve, cache, new RetryPolicy(retries, Duration.ofMillis(1), new Random(1)),
                new UrlNormalizer(), CrawlListener.NONE, InstantSource.system());
    }

    /** Runs the sitemap request as the dispatcher would, lease by lease (the page budget is 0: pages never start). */
    private Object fetch(SitemapTask task, String url) throws Exception {
        Future<Fetched> result = walker.submit(() -> requests.fetch(SITE, url));
        while (true) {
            Lease lease = scheduler.take();
            task.run(lease, requests.errandOf(lease));
            try {
                return result.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException handedBack) {
                // a retry, a redirect hop or robots.txt first: the request waits for its next turn
            } catch (ExecutionException e) {
                return e.getCause();
            }
        }
    }

    /**
     * given: the answers in turn, space-separated, each to /sitemap.xml unless it says {@code PATH=ANSWER}; an answer
     * is a status, a transport failure code, or {@code 301>TARGET}.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "200                       | body /sitemap.xml                                  | 1",
        "404                       | failed http 404                                    | 1",
        "503 503 503               | failed http 503                                    | 3",
        "503 200                   | body /sitemap.xml                                  | 2",
        "timeout timeout 200       | body /sitemap.xml                                  | 3",
        "too_large                 | failed too_large                                   | 1",
        "private_address           | failed private_address                             | 1",
        "301>/b /b=200             | body /b                                            | 2",
        "301>/b /b=301>/sitemap.xml | failed http 301: more than 5 redirects, or a loop | 2",
        "301>ftp://x/y             | failed http 301 to a URL that is not http(s)       | 1"})
    void eachAnswerEndsTheRequestAsTheWalkExpects(String given, String expected, int requests) throws Exception {
        for (String step : given.split(" ")) {
            int eq = step.indexOf('=');
            String url = eq < 0 ? SITEMAP : SITE + step.substring(0, eq);
            answers.computeIfAbsent(url, u -> new ArrayDeque<>()).addLast(parse(step.substring(eq + 1)));
        }

        Object outcome = fetch(task(2, false), SITEMAP);

        assertThat(describe(outcome)).isEqualTo(expected);
        assertThat(requested).hasSize(requests);
    }

    private static HttpAnswer parse(String answer) {
        if (answer.startsWith("301>")) {
            String target = answer.substring(4);
            return response(301, target.contains("://") ? target : SITE + target, null);
        }
        if (Character.isDigit(answer.charAt(0))) {
            int status = Integer.parseInt(answer);
            return response(status, null, status == 200 ? XML : "busy".getBytes(StandardCharsets.UTF_8));
        }
        return new HttpAnswer.Failure(FetchError.valueOf(answer.toUpperCase(java.util.Locale.ROOT)), answer);
    }

    private static String describe(Object outcome) {
        return switch (outcome) {
            case Fetched.Body body -> "body " + body.finalUrl().substring(SITE.length());
            case Fetched.Failed failed -> "failed " + failed.reason();
            default -> "threw " + outcome;
        };
    }

    @Test
    void robotsTxtIsFetchedFirstWithTheLeaseThenObeyedForTheSitemapItself() throws Exception {
        answer(SITE + "/robots.txt", response(200, null,
                "User-agent: *\nDisallow: /private\n".getBytes(StandardCharsets.UTF_8)));
        answer(SITEMAP, response(200, null, XML));
        SitemapTask task = task(0, true);

        Object allowed = fetch(task, SITEMAP);
        Object denied = fetch(task, SITE + "/private/sitemap.xml");

        assertThat(describe(allowed)).isEqualTo("body /sitemap.xml");
        assertThat(describe(denied)).isEqualTo("failed disallowed by robots.txt");
        assertThat(requested).containsExactly(SITE + "/robots.txt", SITEMAP);
    }

    @Test
    void robotsTxtUnreachableOnEveryTryEndsTheSitesWalk() throws Exception {
        answer(SITE + "/robots.txt", response(503, null, null));

        Object outcome = fetch(task(0, true), SITEMAP);

        assertThat(outcome).isInstanceOf(SitemapRequests.RobotsUnreachable.class);
        assertThat(requested).as("robots.txt, tried twice; the sitemap never").containsOnly(SITE + "/robots.txt")
                .hasSize(2);
    }

    @Test
    void anotherHostsRobotsTxtUnreachableFailsOnlyThatSitemap() throws Exception {
        answer("http://cdn.test/robots.txt", response(503, null, null));

        Object outcome = fetch(task(0, true), "http://cdn.test/all.xml");

        assertThat(describe(outcome)).isEqualTo("failed robots.txt of http://cdn.test unreachable");
        assertThat(requested).containsOnly("http://cdn.test/robots.txt").hasSize(2);
    }

    @Test
    void theRobotsLinesOfTheOriginAreItsSitemapLines() throws Exception {
        answer(SITE + "/robots.txt", response(200, null,
                ("Sitemap: /a.xml\nSitemap: " + SITE + "/b.xml.gz\n").getBytes(StandardCharsets.UTF_8)));
        SitemapTask task = task(0, true);
        Future<List<String>> lines = walker.submit(() -> requests.robotsLines(SITE));

        Lease lease = scheduler.take();
        task.run(lease, requests.errandOf(lease));

        assertThat(lines.get(5, TimeUnit.SECONDS)).containsExactly(SITE + "/a.xml", SITE + "/b.xml.gz");
        assertThat(requested).containsExactly(SITE + "/robots.txt");
    }
}
