package dev.trawl.fetch;

/** A body as received, before Content-Encoding is undone. bytes is null when the body was not kept. */
record RawBody(byte[] bytes, int length, long received) {}
