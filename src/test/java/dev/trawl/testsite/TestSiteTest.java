package dev.trawl.testsite;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The politeness tests trust {@link TestSite#maxConcurrentRequests()}: it must see requests that overlap, and must
 * stop counting a request once it is answered, even if its handler thread has not returned yet.
 */
class TestSiteTest {

    @Test
    void countsRequestsThatOverlap() throws Exception {
        try (var site = TestSite.start(); var client = HttpClient.newHttpClient();
             var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var together = new CyclicBarrier(3);
            site.route("/together", ex -> {
                await(together);
                TestSite.send(ex, 200, "text/html", "<title>t</title>");
            });
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 3; i++) answers.add(pool.submit(() -> get(client, site.url("/together"))));
            for (Future<Integer> answer : answers) assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(200);
            assertThat(site.maxConcurrentRequests()).isEqualTo(3);
        }
    }

    /**
     * Two requests are answered at the same time and their handlers linger afterwards. An earlier version kept each
     * request's bookkeeping in HttpExchange attributes, which the JDK server shares between all exchanges of a
     * context: the first answer cleared the other request, and the first request counted until its handler
     * returned, long after its client had the response (ManyWorkersIT saw 3 at once where clients had 2).
     */
    @Test
    void anAnsweredRequestNoLongerCountsWhileItsHandlerLingers() throws Exception {
        try (var site = TestSite.start(); var client = HttpClient.newHttpClient();
             var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var bothArrived = new CyclicBarrier(2);
            var linger = new CountDownLatch(1);
            site.route("/linger", ex -> {
                await(bothArrived);
                TestSite.send(ex, 200, "text/html", "<title>l</title>");
                try {
                    linger.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Future<Integer> first = pool.submit(() -> get(client, site.url("/linger")));
            Future<Integer> second = pool.submit(() -> get(client, site.url("/linger")));
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(200);
            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(200);
            assertThat(site.requestsInFlight()).as("answered, handlers still running").isZero();
            linger.countDown();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
