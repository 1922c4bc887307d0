package dev.trawl.url;

/** How {@link UrlNormalizer} writes internationalised host names. */
enum IdnMode {
    /** ASCII (punycode, "xn--"): the canonical form, and what goes on the wire. */
    PUNYCODE,
    /** Unicode labels, for display. */
    UNICODE,
    /** As written, only lower-cased. */
    NONE
}
