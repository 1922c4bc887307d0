package dev.trawl.parse;

import java.nio.charset.Charset;

/**
 * An encoding of the WHATWG Encoding Standard and the Java charset that decodes it.
 *
 * @param name    the WHATWG name, e.g. "windows-1252" or "Shift_JIS"; this is what a page reports
 * @param charset the JDK decoder; it may be a superset (windows-31j for Shift_JIS), as the standard's decoders are
 */
record WebEncoding(String name, Charset charset) {
    boolean isUtf16() {
        return name.equals("UTF-16LE") || name.equals("UTF-16BE");
    }
}
