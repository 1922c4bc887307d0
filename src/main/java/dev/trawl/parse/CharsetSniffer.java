package dev.trawl.parse;

/**
 * Decides how to decode an HTML body, in the order of the WHATWG HTML encoding sniffing algorithm: byte order mark,
 * then the Content-Type charset if its label is known, then the meta prescan of the first 1024 bytes, then
 * windows-1252. Never throws: unknown or unsupported labels are skipped.
 */
final class CharsetSniffer {
    /** The fallback when nothing declares an encoding: the usual browser default, and what html5lib-tests expect. */
    static final String FALLBACK = "windows-1252";

    private CharsetSniffer() {}

    /**
     * How to decode a body.
     *
     * @param encoding  the encoding to decode with
     * @param bomLength how many leading bytes are a byte order mark, to skip before decoding
     */
    record Sniffed(WebEncoding encoding, int bomLength) {}

    /** Sniffs body[0, length); contentType is the Content-Type header value or null. */
    static Sniffed sniff(byte[] body, int length, String contentType) {
        Sniffed bom = byteOrderMark(body, length);
        if (bom != null) {
            return bom;
        }
        WebEncoding fromHeader = EncodingLabels.lookup(ContentTypeCharset.label(contentType));
        if (fromHeader != null) {
            return new Sniffed(fromHeader, 0);
        }
        WebEncoding fromMeta = MetaPrescan.scan(body, 0, length);
        return new Sniffed(fromMeta != null ? fromMeta : EncodingLabels.named(FALLBACK), 0);
    }

    private static Sniffed byteOrderMark(byte[] b, int length) {
        if (length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return new Sniffed(EncodingLabels.named("UTF-8"), 3);
        }
        if (length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new Sniffed(EncodingLabels.named("UTF-16BE"), 2);
        }
        if (length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new Sniffed(EncodingLabels.named("UTF-16LE"), 2);
        }
        return null;
    }
}
