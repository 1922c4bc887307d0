package dev.trawl.url;

/** Which discovered links a crawl follows, relative to its seeds. */
public enum Scope {
    /** Same host as a seed. */
    HOST,
    /** Same registrable domain (public suffix list) as a seed. */
    DOMAIN,
    /** Every http(s) URL. */
    ANY
}
