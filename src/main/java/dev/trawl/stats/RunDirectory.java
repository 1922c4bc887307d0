package dev.trawl.stats;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one directory where crawl processes publish their counters files, and the reading side of it: which
 * crawls run now, which finished, and which files are stale (their process died, or stopped beating).
 */
public final class RunDirectory {
    /** A process that has not beaten for this long is reported stale even if its pid is alive. */
    static final Duration STALE_AFTER = Duration.ofSeconds(10);
    /** Clock-tick slack when checking that a live pid is still the process that wrote the file. */
    private static final long START_SLACK_MILLIS = 2_000;

    private RunDirectory() {}

    /** Linux's shared-memory file system: memory only, as Aeron places its CnC files. */
    private static final Path SHM = Path.of("/dev/shm");

    /**
     * Where counters live: {@code option} if given, else $TRAWL_RUN_DIR, else $XDG_RUNTIME_DIR/trawl, else
     * /dev/shm/trawl-USER, else the temp directory's trawl-USER.
     *
     * <p>Memory file systems come first because a shared mapping of a file on a disk file system is written
     * back every few seconds, and a counter update that touches a page under writeback can wait for the
     * file system's journal: a stall on the fetch path that tmpfs never has.
     */
    public static Path resolve(Path option, Map<String, String> env) {
        if (option != null) return option;
        String explicit = env.get("TRAWL_RUN_DIR");
        if (explicit != null && !explicit.isBlank()) return Path.of(explicit);
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank()) return Path.of(runtime, "trawl");
        String user = "trawl-" + System.getProperty("user.name", "user");
        if (Files.isDirectory(SHM) && Files.isWritable(SHM)) return SHM.resolve(user);
        return Path.of(System.getProperty("java.io.tmpdir"), user);
    }

    /**
     * The id a crawl is known by: its --db target as an absolute, normalised path, so that {@code status --db
     * x.db} finds a crawl started as {@code --db ./x.db} from the same directory. URLs are kept as given,
     * without any password.
     */
    public static String crawlId(String dbTarget) {
        if (dbTarget.contains("://")) return dbTarget.replaceFirst("://[^/@]*@", "://");
        return CountersFile.storedForm(Path.of(dbTarget).toAbsolutePath().normalize().toString());
    }

    /** Creates the directory, private to the user where the file system allows. */
    static void prepare(Path dir) throws IOException {
        if (Files.isDirectory(dir)) return;
        Files.createDirectories(dir);
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            // the directory keeps the platform's defaults
        }
    }

    /**
     * Every readable counters file in {@code dir}, of all crawls or only of {@code crawlId} when not null,
     * ordered by start time. Files that vanish while being read, or that are no trawl counters file of this
     * format, are left out.
     */
    public static List<CrawlProcess> list(Path dir, String crawlId) throws IOException {
        List<CrawlProcess> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) return found;
        long now = System.currentTimeMillis();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "trawl-*" + CountersFile.SUFFIX)) {
            for (Path file : files) {
                read(file, now).filter(p -> crawlId == null || p.crawlId().equals(crawlId)).ifPresent(found::add);
            }
        }
        found.sort(Comparator.comparing(CrawlProcess::started).thenComparingLong(CrawlProcess::pid));
        return found;
    }

    /** Removes the files of finished and stale processes; returns how many. */
    public static int prune(Path dir) throws IOException {
        int removed = 0;
        for (CrawlProcess p : list(dir, null)) {
            if (p.state() != CrawlProcess.State.RUNNING && Files.deleteIfExists(p.file())) removed++;
        }
        return removed;
    }

    private static Optional<CrawlProcess> read(Path path, long nowMillis) {
        try (Arena arena = Arena.ofConfined()) {
            CountersFile file = CountersFile.open(path, arena);
            return Optional.of(new CrawlProcess(path, file.pid(), file.crawlId(), Instant.ofEpochMilli(file.startMillis()),
                    Instant.ofEpochMilli(file.heartbeatMillis()), file.metricsPort(), stateOf(file, nowMillis),
                    CounterSnapshot.read(file)));
        } catch (IOException | IllegalArgumentException | IndexOutOfBoundsException unreadable) {
            return Optional.empty();
        }
    }

    static CrawlProcess.State stateOf(CountersFile file, long nowMillis) {
        if (file.state() == CountersFile.STATE_FINISHED) return CrawlProcess.State.FINISHED;
        boolean alive = ProcessHandle.of(file.pid())
                .filter(ProcessHandle::isAlive)
                .filter(p -> isSameProcess(p, file.startMillis()))
                .isPresent();
        if (!alive || nowMillis - file.heartbeatMillis() > STALE_AFTER.toMillis()) return CrawlProcess.State.STALE;
        return CrawlProcess.State.RUNNING;
    }

    /** A pid reused by a later process started after the file was written. */
    private static boolean isSameProcess(ProcessHandle process, long fileStartMillis) {
        return process.info().startInstant()
                .map(started -> started.toEpochMilli() <= fileStartMillis + START_SLACK_MILLIS)
                .orElse(true);
    }
}
