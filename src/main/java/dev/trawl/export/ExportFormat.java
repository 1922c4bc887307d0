package dev.trawl.export;

/** The formats `trawl export` writes. */
public enum ExportFormat {
    /** One JSON object per line, with outlinks. */
    JSONL,
    /** RFC 4180 CSV with a header row; the JSONL columns minus outlinks. */
    CSV,
    /** gzip WARC/1.1 of the stored bodies (--store-bodies): a response record per page. */
    WARC
}
