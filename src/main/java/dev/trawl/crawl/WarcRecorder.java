package dev.trawl.crawl;

import dev.trawl.fetch.CapturedExchange;
import dev.trawl.fetch.ExchangeSink;
import dev.trawl.warc.LeftoverFile;
import dev.trawl.warc.Revisit;
import dev.trawl.warc.Truncation;
import dev.trawl.warc.WarcArchive;
import dev.trawl.warc.WarcArchiveConfig;
import dev.trawl.warc.WarcExchange;
import dev.trawl.warc.WarcInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code trawl crawl --warc DIR}: the {@link ExchangeSink} given to the crawl's fetcher, so every exchange it makes
 * (pages, redirect hops, error statuses, each retry's answer, robots.txt) becomes a request and a response record
 * in the {@link WarcArchive}, on the fetching thread, before the fetcher returns the answer and so before the page's
 * row reaches the store. The archive's bounded queue is the back-pressure: when the disk falls behind, fetches wait.
 * When the archive cannot be written, the {@link dev.trawl.warc.WarcException} leaves the fetch and ends the crawl.
 */
final class WarcRecorder implements ExchangeSink {
    /**
     * The earlier capture of the URL about to be fetched, on a recrawl: a task binds it around its one
     * {@code fetcher.get} call ({@code ScopedValue.where(WarcRecorder.PREVIOUS_CAPTURE, previous).call(...)}), and
     * the response is then written as a revisit when its payload is unchanged (or it is a 304). Unbound: a response.
     */
    static final ScopedValue<Revisit> PREVIOUS_CAPTURE = ScopedValue.newInstance();

    private final WarcArchive archive;
    private final Path dir;
    private final LongAdder captures = new LongAdder();
    private final LongAdder revisits = new LongAdder();

    private WarcRecorder(WarcArchive archive, Path dir) {
        this.archive = archive;
        this.dir = dir;
    }

    /**
     * Opens the archive in config's --warc directory, after completing the files a killed crawl left there, and tells
     * the listener about each in one line.
     *
     * @throws dev.trawl.warc.WarcException when the directory cannot be made, read or written
     */
    static WarcRecorder open(CrawlConfig config, String optionsJson, CrawlListener listener) {
        var info = new WarcInfo("trawl/" + CrawlConfig.VERSION, null, config.userAgent(), "trawl crawl " + optionsJson);
        var archiveConfig = WarcArchiveConfig.defaults(config.warc(), info).withMaxFileBytes(config.warcMaxSize())
                .withMaxBodyBytes(Math.min(config.maxBody(), Integer.MAX_VALUE - 8));
        WarcArchive archive = WarcArchive.open(archiveConfig);
        for (LeftoverFile leftover : archive.leftovers()) listener.archiveNote(describe(leftover));
        return new WarcRecorder(archive, config.warc());
    }

    @Override
    public void captured(CapturedExchange e) throws InterruptedException {
        var exchange = new WarcExchange(e.url(), e.startedAt(), e.ip(), e.request(), e.responseHead(), e.body(),
                e.bodyLength(), truncation(e.cut()));
        Revisit previous = PREVIOUS_CAPTURE.isBound() ? PREVIOUS_CAPTURE.get() : null; // orElse refuses null
        if (archive.record(exchange, previous) == WarcArchive.Written.REVISIT) revisits.increment();
        captures.increment();
    }

    /**
     * Writes what is queued and seals the current file; returns the line that says what was written.
     *
     * @throws dev.trawl.warc.WarcException when the archive could not be written
     */
    String close() throws InterruptedException {
        List<Path> files = archive.closeAndList();
        return String.format(Locale.ROOT, "warc: %,d exchanges (%,d revisits) in %,d file(s) in %s",
                captures.sum(), revisits.sum(), files.size(), dir);
    }

    private static Truncation truncation(CapturedExchange.Cut cut) {
        return switch (cut) {
            case NONE -> Truncation.NONE;
            case LENGTH -> Truncation.LENGTH;
            case TIME -> Truncation.TIME;
            case DISCONNECT -> Truncation.DISCONNECT;
            case UNSPECIFIED -> Truncation.UNSPECIFIED;
        };
    }

    private static String describe(LeftoverFile leftover) {
        String name = String.valueOf(leftover.file().getFileName());
        return switch (leftover.action()) {
            case COMPLETED -> String.format(Locale.ROOT, "warc: completed %s, left open by a stopped crawl "
                    + "(%,d bytes kept, %,d bytes of a torn last record dropped)", name, leftover.keptBytes(), leftover.droppedBytes());
            case REMOVED_EMPTY -> "warc: removed " + name + ", left open by a stopped crawl with no complete record";
            case LEFT_IN_USE -> "warc: left " + name + " alone: another running crawl is writing it";
            case LEFT_NAME_TAKEN -> "warc: left " + name + " as it is: a complete file of that name exists";
        };
    }
}
