package dev.trawl.render;

/** The browser could not be started (or answered nothing): the crawl cannot render, so it does not start. */
public final class RenderUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RenderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
