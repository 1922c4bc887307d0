package dev.trawl.warc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.warc.WarcFiles.Read;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcCaptureRecord;

class WarcArchiveConcurrencyTest {
    @TempDir
    Path dir;

    @Test
    void manyThreadsWriteEveryExchangeExactlyOnceWithPairsTogether() throws Exception {
        int threads = 32;
        int each = 60;
        int queueBytes = 16 * 1024;
        WarcArchiveConfig config = WarcArchiveConfig.defaults(dir, WarcArchiveTest.INFO)
                .withMaxFileBytes(64 * 1024).withQueueBytes(queueBytes);
        List<Path> files;
        long mostQueued;
        try (WarcArchive archive = WarcArchive.open(config);
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                tasks.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        int n = thread * each + i;
                        archive.write(Captures.synthetic(n, 100 + n % 700));
                    }
                    return null;
                }));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
            mostQueued = archive.mostQueuedBytes();
            files = archive.closeAndList();
        }

        assertThat(mostQueued).as("bytes queued at once").isPositive().isLessThanOrEqualTo(queueBytes);
        assertThat(files).hasSizeGreaterThan(3);
        Map<String, Integer> responses = new HashMap<>();
        for (Path file : files) {
            List<Read> records = WarcFiles.read(file);
            assertThat(records.getFirst().type()).isEqualTo("warcinfo");
            for (int i = 1; i < records.size(); i += 2) {
                Read request = records.get(i);
                Read response = records.get(i + 1);
                assertThat(request.type()).isEqualTo("request");
                assertThat(response.type()).isEqualTo("response");
                WarcCaptureRecord req = (WarcCaptureRecord) request.record();
                WarcCaptureRecord res = (WarcCaptureRecord) response.record();
                assertThat(req.target()).isEqualTo(res.target());
                assertThat(req.concurrentTo()).containsExactly(res.id());
                assertThat(res.concurrentTo()).containsExactly(req.id());
                int n = Integer.parseInt(res.target().substring(res.target().lastIndexOf('/') + 1));
                assertThat(response.block()).isEqualTo(WarcFiles.concat(Captures.synthetic(n, 100 + n % 700).responseHead(),
                        Captures.synthetic(n, 100 + n % 700).body()));
                responses.merge(res.target(), 1, Integer::sum);
            }
        }
        assertThat(responses).hasSize(threads * each);
        assertThat(responses.values()).containsOnly(1);
    }
}
