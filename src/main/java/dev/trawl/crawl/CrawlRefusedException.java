package dev.trawl.crawl;

/**
 * The crawl cannot start as asked, through no fault of the database or of trawl: options that disagree with those
 * the shared crawl was started with, or a worker with no crawl to join. The message is one line for the user; the
 * command line exits 2.
 */
public final class CrawlRefusedException extends RuntimeException {
    public CrawlRefusedException(String message) {
        super(message);
    }
}
