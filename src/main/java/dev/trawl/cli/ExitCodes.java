package dev.trawl.cli;

/** The exit codes trawl documents. */
public final class ExitCodes {
    private ExitCodes() {}

    /** The command ran (a crawl whose pages failed still ran). */
    public static final int OK = 0;
    /** The crawl itself failed: database cannot be opened or written, or an internal error. */
    public static final int FATAL = 1;
    /** Bad command line: unknown option, bad value, bad URL. */
    public static final int USAGE = 2;
}
