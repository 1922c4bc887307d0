package dev.trawl.url;

import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns the host part of an http(s) URL into its canonical form, following the WHATWG host parser where a crawler
 * cares: %-escapes decoded (as UTF-8), IDN to punycode, lower case, forbidden characters rejected, IPv4 numbers in
 * any browser-accepted spelling written as dotted decimal, IPv6 in RFC 5952 form. A single trailing dot is
 * dropped ("example.com." is the same site), as crawler-commons does. Immutable and thread-safe.
 */
final class HostParser {
    private final IdnMode idn;

    HostParser(IdnMode idn) {
        this.idn = idn;
    }

    /** The canonical host for s[from, to), or null when that is no valid host (empty included). */
    String canonical(String s, int from, int to) {
        if (from == to) {
            return null;
        }
        if (s.charAt(from) == '[') {
            return to - from > 2 && s.charAt(to - 1) == ']' ? Ipv6.canonical(s, from + 1, to - 1) : null;
        }
        String host = isPlain(s, from, to) ? s.substring(from, to) : domain(s.substring(from, to));
        if (host == null) {
            return null;
        }
        if (Ipv4.endsInNumber(host)) {
            return Ipv4.canonical(host);
        }
        int length = host.length();
        if (length > 1 && host.charAt(length - 1) == '.' && host.charAt(length - 2) != '.') {
            host = host.substring(0, length - 1); // only one dot: "a.09.." without both would end in a number
        }
        return idn == IdnMode.UNICODE && host.contains("xn--") ? IDN.toUnicode(host, IDN.ALLOW_UNASSIGNED) : host;
    }

    /** The fast path: lower-case letters, digits, '-', '.', '_' need no decoding, mapping or checks. */
    private static boolean isPlain(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private String domain(String raw) {
        String host = raw.indexOf('%') >= 0 ? percentDecode(raw) : raw;
        if (host == null) {
            return null;
        }
        if (!isAscii(host) && idn != IdnMode.NONE) {
            try {
                host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                return null; // not a valid internationalised name
            }
        }
        host = host.toLowerCase(Locale.ROOT);
        return host.isEmpty() || hasForbidden(host) ? null : host;
    }

    /** Decodes %-escapes as UTF-8; null for a bad escape or bytes that are not UTF-8. */
    private static String percentDecode(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        int i = 0;
        while (i < s.length()) {
            if (s.charAt(i) == '%') {
                int b = PercentEncoding.escapeAt(s, i, s.length());
                if (b < 0) {
                    return null;
                }
                bytes.write(b);
                i += 3;
            } else {
                int run = i;
                while (i < s.length() && s.charAt(i) != '%') {
                    i++;
                }
                bytes.writeBytes(s.substring(run, i).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** WHATWG "forbidden domain code points": controls, space and URL delimiters. */
    private static boolean hasForbidden(String host) {
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c <= ' ' || c == 0x7F || "#%/:<>?@[\\]^|".indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }
}
