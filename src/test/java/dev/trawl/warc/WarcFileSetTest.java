package dev.trawl.warc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rotation by size when the writer hands over many captures in one batch (what a busy crawl does). */
class WarcFileSetTest {
    @TempDir Path dir;

    @Test
    void aBatchOfCapturesIsSplitAcrossFilesAtTheLimit() throws Exception {
        long limit = 3000;
        var files = new WarcFileSet(dir, "t", limit, WarcArchiveTest.INFO, InstantSource.fixed(Captures.T0));
        List<byte[]> units = new ArrayList<>(Collections.nCopies(20, new byte[400]));
        files.append(units); // one batch, into no file yet
        files.append(List.of(new byte[400], new byte[400]));
        files.close();

        List<Path> sealed = files.sealed();
        assertThat(sealed).hasSizeGreaterThan(3);
        long total = 0;
        for (Path file : sealed) {
            assertThat(Files.size(file)).as("%s", file).isLessThanOrEqualTo(limit);
            total += Files.size(file);
        }
        long perFileBeyondUnits = (total - 22 * 400) / sealed.size();
        assertThat(perFileBeyondUnits).as("each file adds its warcinfo record alone").isBetween(100L, 1000L);
    }
}
