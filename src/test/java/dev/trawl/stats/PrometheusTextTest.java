package dev.trawl.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.store.PageRecord;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The metrics endpoint serves the same counters, in a format Prometheus parses. */
class PrometheusTextTest {
    private static PageRecord page(Integer status, String error, long millis) {
        return dev.trawl.store.TestRecords.answered("http://a.test/", status, error, 100, millis);
    }

    @Test
    void servesCountersErrorsByKindAndACumulativeHistogramOnLoopback() throws Exception {
        var stats = new CrawlStats();
        stats.recorded(page(200, null, 15));
        stats.recorded(page(200, null, 150));
        stats.recorded(page(404, null, 3));
        stats.recorded(page(null, "timeout", 0));
        stats.recorded(page(null, "robots", 0));

        try (var metrics = MetricsServer.start(0, stats, "/data/a \"quoted\".db");
             var http = HttpClient.newHttpClient()) {
            var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metrics.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue(PrometheusText.CONTENT_TYPE);
            assertThat(response.body().lines().toList()).contains(
                    "trawl_info{crawl=\"/data/a \\\"quoted\\\".db\",pid=\"" + ProcessHandle.current().pid() + "\"} 1",
                    "trawl_pages_total 5",
                    "trawl_bytes_total 300", // the three responses'; a failure has no body
                    "trawl_robots_denied_total 1",
                    "trawl_errors_total{kind=\"timeout\"} 1",
                    "trawl_errors_total{kind=\"http_4xx\"} 1",
                    "trawl_responses_total{class=\"2xx\"} 2",
                    "trawl_page_latency_seconds_bucket{le=\"0.005\"} 1",
                    "trawl_page_latency_seconds_bucket{le=\"0.02\"} 2",
                    "trawl_page_latency_seconds_bucket{le=\"0.2\"} 3",
                    "trawl_page_latency_seconds_bucket{le=\"+Inf\"} 3",
                    "trawl_page_latency_seconds_sum 0.168",
                    "trawl_page_latency_seconds_count 3");
            assertThat(response.body().lines().filter(l -> !l.startsWith("#")))
                    .allSatisfy(l -> assertThat(l).matches("[a-z_]+(\\{.*\\})? [0-9.+Inf]+"));
        }
    }
}
