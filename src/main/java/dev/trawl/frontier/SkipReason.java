package dev.trawl.frontier;

/**
 * Why a discovered URL was refused by a trap rule instead of entering the frontier. The code is what the export's
 * {@code error} field shows for the URL's skip row (see {@link TrapRules} and {@link HostBudget}); the strings are
 * part of the user contract.
 */
public enum SkipReason {
    /** Longer than --max-url-length. */
    URL_TOO_LONG("url_too_long"),
    /** A path segment occurs more often than --max-path-repeats allows ("/a/a/a/..."). */
    REPEATING_PATH("repeating_path"),
    /** Its host already has --max-pages-per-host URLs in the frontier. */
    HOST_PAGE_LIMIT("host_page_limit");

    private final String code;

    SkipReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Whether an export error code is a skip (nothing was requested), as opposed to a failed request. */
    public static boolean isSkip(String errorCode) {
        for (SkipReason reason : values()) {
            if (reason.code.equals(errorCode)) return true;
        }
        return false;
    }
}
