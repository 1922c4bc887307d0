package dev.trawl.warc;

/**
 * The archive cannot be written (disk full, directory gone, permission denied): the crawl itself fails, as it does
 * when its database cannot be written. The message names the file and the cause, fit for one line to the user.
 */
public final class WarcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WarcException(String message, Throwable cause) {
        super(message, cause);
    }
}
