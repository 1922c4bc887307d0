package dev.trawl.warc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trawl.warc.WarcFiles.Read;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeftoverRecoveryTest {
    @TempDir
    Path dir;

    @Test
    void aTornTailIsCutAfterTheLastCompleteRecordAndTheFileRenamed() throws Exception {
        Path whole = writeThree(dir.resolve("first"));
        byte[] bytes = Files.readAllBytes(whole);
        List<Read> records = WarcFiles.read(whole);
        long lastStart = records.getLast().offset();
        Path crashed = dir.resolve("trawl-20260301120000-00007.warc.gz.open");
        Files.write(crashed, Arrays.copyOf(bytes, (int) lastStart + 40)); // the last record torn 40 bytes in

        List<LeftoverFile> leftovers;
        try (WarcArchive archive = WarcArchive.open(WarcArchiveConfig.defaults(dir, WarcArchiveTest.INFO))) {
            leftovers = archive.leftovers();
        }
        Path completed = dir.resolve("trawl-20260301120000-00007.warc.gz");
        assertThat(leftovers).containsExactly(new LeftoverFile(completed, LeftoverFile.Action.COMPLETED, lastStart, 40));
        assertThat(Files.exists(crashed)).isFalse();
        assertThat(WarcFiles.read(completed)).extracting(Read::type)
                .containsExactly("warcinfo", "request", "response", "request", "response", "request");
        assertThat(Files.readAllBytes(completed)).isEqualTo(Arrays.copyOf(bytes, (int) lastStart));
    }

    @Test
    void aCorruptMemberEndsTheCompletePart() throws Exception {
        Path whole = writeThree(dir.resolve("first"));
        byte[] bytes = Files.readAllBytes(whole);
        long third = WarcFiles.read(whole).get(3).offset();
        bytes[(int) third + 30] ^= 0x55; // a flipped byte inside the fourth record's member: its CRC no longer holds
        Files.write(dir.resolve("trawl-x.warc.gz.open"), bytes);
        try (WarcArchive archive = WarcArchive.open(WarcArchiveConfig.defaults(dir, WarcArchiveTest.INFO))) {
            assertThat(archive.leftovers()).singleElement().satisfies(l -> {
                assertThat(l.action()).isEqualTo(LeftoverFile.Action.COMPLETED);
                assertThat(l.keptBytes()).isEqualTo(third);
            });
        }
        assertThat(WarcFiles.read(dir.resolve("trawl-x.warc.gz"))).hasSize(3);
    }

    @Test
    void aFileWithoutOneCompleteRecordIsRemoved() throws Exception {
        Path torn = dir.resolve("trawl-20260301120000-00000.warc.gz.open");
        Files.write(torn, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0});
        try (WarcArchive archive = WarcArchive.open(WarcArchiveConfig.defaults(dir, WarcArchiveTest.INFO))) {
            assertThat(archive.leftovers()).containsExactly(new LeftoverFile(torn, LeftoverFile.Action.REMOVED_EMPTY, 0, 6));
        }
        assertThat(WarcFiles.list(dir, "")).isEmpty();
    }

    @Test
    void aFileALiveWriterHoldsIsLeftAlone() throws Exception {
        try (WarcArchive live = WarcArchive.open(WarcArchiveConfig.defaults(dir, WarcArchiveTest.INFO))) {
            live.write(Captures.synthetic(1, 100));
            Path open = WarcFiles.list(dir, ".open").getFirst();
            try (WarcArchive second = WarcArchive.open(WarcArchiveConfig.defaults(dir, WarcArchiveTest.INFO))) {
                assertThat(second.leftovers()).singleElement().satisfies(l -> {
                    assertThat(l.action()).isEqualTo(LeftoverFile.Action.LEFT_IN_USE);
                    assertThat(l.file()).isEqualTo(open);
                });
                second.write(Captures.synthetic(2, 100));
            }
            live.write(Captures.synthetic(3, 100));
        }
        List<Path> files = WarcFiles.list(dir, ".warc.gz");
        assertThat(files).hasSize(2);
        assertThat(files.stream().mapToLong(f -> unchecked(() -> WarcFiles.read(f).size())).sum()).isEqualTo(2 + 3 * 2);
    }

    @Test
    void otherPrefixesAreNotTouched() throws Exception {
        Path other = dir.resolve("other-20260301120000-00000.warc.gz.open");
        Files.write(other, new byte[] {1, 2, 3});
        try (WarcArchive archive = WarcArchive.open(WarcArchiveConfig.defaults(dir, WarcArchiveTest.INFO))) {
            assertThat(archive.leftovers()).isEmpty();
        }
        assertThat(Files.exists(other)).isTrue();
    }

    private static Path writeThree(Path dir) throws Exception {
        try (WarcArchive archive = WarcArchive.open(WarcArchiveConfig.defaults(dir, WarcArchiveTest.INFO))) {
            for (int i = 0; i < 3; i++) {
                archive.write(Captures.synthetic(i, 4000));
            }
            return archive.closeAndList().getFirst();
        }
    }

    private interface IoCall {
        long call() throws Exception;
    }

    private static long unchecked(IoCall call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
