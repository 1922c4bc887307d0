package dev.trawl.store;

import java.time.Instant;

/**
 * What the store holds of a URL's latest response, read before a recrawl fetches it again: the validators to send,
 * the digest to compare the new payload with, and what a WARC revisit record refers to (the URL that gave the payload,
 * when, and its digest).
 *
 * @param finalUrl   the URL whose response this was (after the redirects followed): the validators are sent only in
 *                   a request to it
 * @param fetchedAt  when it was stored
 * @param status     its HTTP status
 * @param digest     its payload's SHA-1 ({@code sha1:...}), or null when the body was not kept
 * @param validators its ETag and Last-Modified
 */
public record PreviousFetch(String finalUrl, Instant fetchedAt, int status, String digest, Validators validators) {}
