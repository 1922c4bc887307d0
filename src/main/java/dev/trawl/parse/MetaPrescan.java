package dev.trawl.parse;

import java.util.HashSet;
import java.util.Set;

/**
 * The WHATWG HTML "prescan a byte stream to determine its encoding" algorithm
 * (https://html.spec.whatwg.org/multipage/parsing.html#prescan-a-byte-stream-to-determine-its-encoding), run over
 * the first 1024 bytes. One instance per scan; not thread-safe, not reusable.
 */
final class MetaPrescan {
    /** How many bytes the prescan looks at, as browsers do. */
    static final int WINDOW = 1024;

    private final ByteCursor in;

    private MetaPrescan(byte[] bytes, int offset, int length) {
        this.in = new ByteCursor(bytes, offset, offset + Math.min(length, WINDOW));
    }

    /** The encoding a meta element in bytes[offset, offset+length) declares, or null when the prescan finds none. */
    static WebEncoding scan(byte[] bytes, int offset, int length) {
        return new MetaPrescan(bytes, offset, length).run();
    }

    private WebEncoding run() {
        while (!in.atEnd()) {
            if (in.startsWith("<!--")) {
                in.skipPast("-->", 2); // "<!-->" is a whole comment: the dashes may be those of "<!--"
            } else if (in.startsWithIgnoreCase("<meta") && isSpaceOrSlash(in.peek(5))) {
                in.advance(6);
                WebEncoding found = meta();
                if (found != null) {
                    return found;
                }
            } else if (in.peek(0) == '<' && (isAsciiLetter(in.peek(1)) || in.peek(1) == '/' && isAsciiLetter(in.peek(2)))) {
                skipTag();
            } else if (in.startsWith("<!") || in.startsWith("</") || in.startsWith("<?")) {
                in.skipTo('>');
            }
            in.advance(1);
        }
        return null;
    }

    /** Reads one meta element's attributes; the encoding it declares, or null to go on scanning. */
    private WebEncoding meta() {
        Set<String> seen = new HashSet<>();
        boolean gotPragma = false;
        Boolean needPragma = null;
        boolean charsetSet = false; // set, even to null (an unknown label), stops a later content= from counting
        WebEncoding charset = null;
        for (Attribute a = Attribute.read(in); a != null; a = Attribute.read(in)) {
            if (!seen.add(a.name())) {
                continue;
            }
            switch (a.name()) {
                case "http-equiv" -> gotPragma |= a.value().equals("content-type");
                case "content" -> {
                    WebEncoding fromContent = MetaContent.encoding(a.value());
                    if (fromContent != null && !charsetSet) {
                        charset = fromContent;
                        charsetSet = true;
                        needPragma = true;
                    }
                }
                case "charset" -> {
                    charset = EncodingLabels.lookup(a.value());
                    charsetSet = true;
                    needPragma = false;
                }
                default -> { }
            }
        }
        if (in.atEnd() || needPragma == null || needPragma && !gotPragma || charset == null) {
            return null; // a meta cut off by the end of the window declares nothing
        }
        return charset.isUtf16() ? EncodingLabels.named("UTF-8") : charset;
    }

    /** Skips a start or end tag other than meta, attributes included, so quoted values cannot fake a meta. */
    private void skipTag() {
        while (!in.atEnd() && !Whitespace.isAscii(in.peek(0)) && in.peek(0) != '>') {
            in.advance(1);
        }
        while (Attribute.read(in) != null) {
            // attributes are read only to be skipped
        }
    }

    private static boolean isSpaceOrSlash(int b) {
        return Whitespace.isAscii(b) || b == '/';
    }

    private static boolean isAsciiLetter(int b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z';
    }
}
