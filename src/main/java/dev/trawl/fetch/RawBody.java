package dev.trawl.fetch;

/**
 * A body as received, before Content-Encoding is undone. bytes is null when the body was not kept; when kept, the
 * whole array (bytes.length, not just length) is charged to the page's memory claim.
 */
record RawBody(byte[] bytes, int length, long received) {}
