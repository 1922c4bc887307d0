package dev.trawl.parse;

import static dev.trawl.parse.ElementRules.A;
import static dev.trawl.parse.ElementRules.ADDRESS;
import static dev.trawl.parse.ElementRules.BUTTON;
import static dev.trawl.parse.ElementRules.DD;
import static dev.trawl.parse.ElementRules.DIV;
import static dev.trawl.parse.ElementRules.DT;
import static dev.trawl.parse.ElementRules.FORM;
import static dev.trawl.parse.ElementRules.HR;
import static dev.trawl.parse.ElementRules.INPUT;
import static dev.trawl.parse.ElementRules.LI;
import static dev.trawl.parse.ElementRules.OPTGROUP;
import static dev.trawl.parse.ElementRules.OPTION;
import static dev.trawl.parse.ElementRules.P;
import static dev.trawl.parse.ElementRules.SELECT;
import static dev.trawl.parse.ElementRules.CLOSES_P;
import static dev.trawl.parse.ElementRules.FORMATTING;
import static dev.trawl.parse.ElementRules.HEADING;
import static dev.trawl.parse.ElementRules.IRREGULAR;
import static dev.trawl.parse.ElementRules.LIST;
import static dev.trawl.parse.ElementRules.NOT_KEPT;
import static dev.trawl.parse.ElementRules.SCOPE;
import static dev.trawl.parse.ElementRules.SCOPED_END;
import static dev.trawl.parse.ElementRules.SPECIAL;
import static dev.trawl.parse.ElementRules.TEXT;
import static dev.trawl.parse.ElementRules.UNRELIABLE_END;
import static dev.trawl.parse.ElementRules.VOID;

import java.util.Arrays;

/**
 * An upper bound on the number of elements on jsoup's stack of open elements.
 *
 * <p>Why: jsoup keeps at most 512 open elements and, at that depth, closes the deepest ones to make room. Inside a
 * table that changes the tree builder's decisions (a pruned colgroup makes it ignore the rest of the page, a pruned
 * table stops foster parenting, ...), which a token-level reading cannot follow. {@link TagScanner} gives such pages
 * to jsoup: it bails out when a table is open and this bound reaches {@link #TABLE_LIMIT}. Elsewhere pruning is
 * harmless to what the scan extracts (elements stay in document order).
 *
 * <p>How it stays an upper bound. Every element the tree builder may keep open counts +1 when its start tag comes
 * and becomes an entry here; a formatting element's +1 also covers the copies the tree builder may recreate of it
 * later (at most one of them is open at a time). Every element on jsoup's stack is thus an entry, until the entry is
 * taken off, and an entry is taken off (and the count lowered) only when its element is off jsoup's stack:
 * <ul>
 *   <li>the end tag of the top entry: every entry above it has been taken off, so its element is either closed
 *       already (and not yet paid for) or jsoup's current node but for recreated formatting elements, which never
 *       stop an end tag from closing it;</li>
 *   <li>implied closes (an open p before a div, an li before the next li, a p or li left open when its parent
 *       ends) when the entries involved are known to be on jsoup's stack ({@code certain}); an entry stops being
 *       certain when an event this class does not follow might have closed it;</li>
 *   <li>table structure and noscript islands, where jsoup's pops are exact: {@link TableModel} and the scanner go
 *       back to the state saved when the table or island element was opened.</li>
 * </ul>
 * Entries whose end tag may leave them open (form, applet, a formatting element the "Noah's ark" rule may have
 * dropped from the formatting list) are never taken off by an end tag, and block the top-entry rule below them: the
 * bound then stays above the real depth, never below it.
 */
final class StackBound {
    /** Bail-out level while a table is open: below jsoup's 512, with room for a few implied elements per tag. */
    static final int TABLE_LIMIT = 500;
    /** How far down the entries a rule looks before it gives up (and assumes the worst): keeps each tag O(1). */
    private static final int WALK = 48;

    // per-entry bits
    private static final byte CERTAIN = 1; // its element is on jsoup's stack (if not below trustedFrom)
    private static final byte NO_P_BELOW = 2; // no p in button scope below it: its start tag closed any
    private static final byte ANCHOR = 4; // table structure or a noscript boundary: taken off by resets only
    private static final byte BLOCKED = 8; // its end tag may leave it open: never taken off by one

    private final String s;
    private final Utf8View view;
    private int bound = 2; // html, and head or body
    private int max = 2;
    private int[] nameFrom = new int[64];
    private int[] nameTo = new int[64];
    private int[] rules = new int[64];
    private byte[] bits = new byte[64];
    private int size;
    /** Entries below this index are not certain (unless anchors): a cheap "distrust all". */
    private int trustedFrom;
    private int formattingEntries;
    /** Open select elements, an upper bound: 0 means none is in scope. */
    private int selects;
    /** Whether an a may be in the list of active formatting elements after the last marker. */
    private boolean activeA;
    /** Whether recreated formatting elements may sit above the top entry ("current node" checks are then unsure). */
    private boolean copiesPossible;

    /** view: the UTF-8 bytes html is the Latin-1 view of, or null when html is the decoded page. */
    StackBound(String html, Utf8View view) {
        this.s = html;
        this.view = view;
    }

    int value() {
        return bound;
    }

    /** The highest the bound has been: for tests, which check it against jsoup's own depth limit. */
    int max() {
        return max;
    }

    // ---- start tags

    /** A start tag the in-body rules process (also in a cell or caption; not table structure, not table). */
    void startTag(int from, int to) {
        int r = ElementRules.of(s, from, to);
        int id = ElementRules.id(r);
        if ((r & IRREGULAR) != 0) {
            distrust();
        }
        boolean phantom = false; // maybe not inserted at all
        byte noPBelow = 0;
        if (id == LI) {
            closeListItem(LI, LI);
            noPBelow = closeP();
        } else if (id == DD || id == DT) {
            closeListItem(DD, DT);
            noPBelow = closeP();
        } else if ((r & HEADING) != 0) {
            noPBelow = closeP();
            closeCurrent(true);
        } else if (id == FORM) {
            distrust(); // ignored while the form pointer is set, else closes a p: neither is known here
            phantom = true;
        } else if (id == OPTION || id == OPTGROUP) {
            if (selects > 0) {
                distrust(); // implied ends are generated
            } else if (top() >= 0 && ElementRules.id(rules[top()]) == OPTION) {
                closeCurrent(false);
            } else if (top() >= 0 && !certain(top())) {
                distrust(); // the current node may be an option this class does not see
            }
        } else if ((r & CLOSES_P) != 0) {
            noPBelow = closeP();
        }
        if ((id == SELECT || id == INPUT || id == HR) && selects > 0) {
            distrust(); // a select in scope is closed, or its implied ends generated
            phantom = id == SELECT;
        }
        if (id == A && activeA) {
            distrust(); // the adoption agency runs for the a still active
        }
        if ((r & (NOT_KEPT | TEXT)) != 0) {
            return;
        }
        byte b = phantom ? 0 : CERTAIN;
        if ((r & UNRELIABLE_END) != 0) {
            b |= BLOCKED;
        }
        if ((r & FORMATTING) != 0) {
            b |= noahsArk(from, to);
        }
        push(from, to, r, (byte) (b | noPBelow));
        if (id == A) {
            activeA = true;
        }
        if (id == SELECT) {
            selects++;
        }
    }

    /** A table start tag in the in-body rules: it closes an open p, but only in no-quirks mode (not known here). */
    void tableStart() {
        int top = top();
        if (top >= 0 && certain(top) && ElementRules.id(rules[top]) == P) {
            distrust();
        } else {
            closeP();
        }
    }

    /**
     * The formatting list keeps at most three identical elements after the last marker and drops the oldest for a
     * fourth; an entry dropped so may then outlive its end tag. When that could happen, the entries of that name
     * are blocked (identical means same attributes too, which is not compared here).
     */
    private byte noahsArk(int from, int to) {
        int same = 0;
        int floor = Math.max(0, size - WALK);
        for (int i = top(); i >= floor && (bits[i] & ANCHOR) == 0; i--) {
            if ((rules[i] & FORMATTING) != 0 && sameName(i, from, to)) {
                same++;
            }
        }
        if (floor > 0 && (bits[floor] & ANCHOR) == 0) {
            return BLOCKED; // older entries not looked at: this one may be dropped from the list some day
        }
        if (same >= 2 || (same >= 1 && copiesPossible)) {
            for (int i = top(); i >= floor && (bits[i] & ANCHOR) == 0; i--) {
                if ((rules[i] & FORMATTING) != 0 && sameName(i, from, to)) {
                    bits[i] |= BLOCKED;
                }
            }
            return BLOCKED;
        }
        return 0;
    }

    /** A start tag inside a noscript island: jsoup inserts it as it is, closing nothing and recreating nothing. */
    void islandStartTag(int from, int to) {
        int r = ElementRules.of(s, from, to);
        if ((r & (TEXT | VOID)) != 0) {
            return; // text elements close at their end tag, void elements at once
        }
        push(from, to, r & ~FORMATTING, CERTAIN);
    }

    /** Table structure and the noscript boundary: pushed here, taken off by {@link #reset} and {@link #popAnchor}. */
    void pushAnchor() {
        push(-1, -1, SPECIAL | SCOPE, (byte) (CERTAIN | ANCHOR));
    }

    /** The current state, to {@link #reset} to. */
    long state() {
        return (long) bound << 32 | (long) size << 9 | (long) Math.min(selects, 0x7F) << 2 | (copiesPossible ? 2 : 0)
                | (activeA ? 1 : 0);
    }

    /**
     * Back to a saved state: jsoup has closed everything opened since, and the formatting elements opened since are
     * out of its list (a cell or caption close clears the list to its marker; an island never adds to it).
     */
    void reset(long state) {
        bound = (int) (state >>> 32);
        int keep = (int) (state >>> 9) & 0x7FFFFF;
        for (int i = keep; i < size; i++) {
            if ((rules[i] & FORMATTING) != 0) {
                formattingEntries--;
            }
        }
        size = keep;
        trustedFrom = Math.min(trustedFrom, size);
        selects = (int) (state >>> 2) & 0x7F;
        copiesPossible = (state & 2) != 0;
        activeA = (state & 1) != 0;
    }

    /** Takes off the top entry, an anchor whose element jsoup has just closed. */
    void popAnchor() {
        size--;
        bound--;
        trustedFrom = Math.min(trustedFrom, size);
    }

    private void push(int from, int to, int r, byte b) {
        if (size == rules.length) {
            nameFrom = Arrays.copyOf(nameFrom, size * 2);
            nameTo = Arrays.copyOf(nameTo, size * 2);
            rules = Arrays.copyOf(rules, size * 2);
            bits = Arrays.copyOf(bits, size * 2);
        }
        nameFrom[size] = from;
        nameTo[size] = to;
        rules[size] = r;
        bits[size] = b;
        size++;
        bound++;
        max = Math.max(max, bound);
        if ((r & FORMATTING) != 0) {
            formattingEntries++;
        }
    }

    /**
     * The p-closing step of many start tags ("if a p is in button scope, close it"). Returns NO_P_BELOW: whatever
     * happened, afterwards no p is in button scope.
     */
    private byte closeP() {
        int top = top();
        if (top < 0) {
            return NO_P_BELOW; // every open element other than html and body is an entry: no p is open
        }
        if (certain(top)) {
            if (ElementRules.id(rules[top]) == P) {
                popTop(); // found in button scope and closed, with any recreated formatting above it
                return NO_P_BELOW;
            }
            if ((bits[top] & NO_P_BELOW) != 0 || (rules[top] & (SCOPE | BUTTON)) != 0) {
                return NO_P_BELOW; // nothing to close
            }
        }
        distrust(); // a p further down may be closed, with everything above it
        return NO_P_BELOW;
    }

    /**
     * The li (dd, dt) start tag's walk down the stack: closes the nearest open li (dd or dt), stopping at a
     * special element other than address, div and p.
     */
    private void closeListItem(int id, int other) {
        for (int i = top(); i >= 0; i--) {
            if (!certain(i) || (bits[i] & BLOCKED) != 0 || size - i > WALK) {
                distrust();
                return;
            }
            int entry = ElementRules.id(rules[i]);
            if (entry == id || entry == other) {
                popTo(i); // its implied ends, then everything down to it
                return;
            }
            if ((rules[i] & SPECIAL) != 0 && entry != ADDRESS && entry != DIV && entry != P) {
                return; // the walk stops
            }
        }
        // walked every entry: the next element down is body, which stops the walk
    }

    /**
     * "If the current node is a heading (an option), pop it": exact only when the top entry is certain and no
     * recreated formatting element can be above it.
     */
    private void closeCurrent(boolean heading) {
        int top = top();
        if (top < 0) {
            return;
        }
        if (!certain(top) || copiesPossible) {
            distrust();
            return;
        }
        if (!heading || (rules[top] & HEADING) != 0) {
            popTop();
        }
    }

    // ---- end tags

    /** An end tag the in-body rules process (also in a cell or caption; not table structure). */
    void endTag(int from, int to) {
        int top = top();
        int r = ElementRules.of(s, from, to);
        int id = ElementRules.id(r);
        boolean formattingTop = top >= 0 && (rules[top] & FORMATTING) != 0;
        if (top >= 0 && (bits[top] & (ANCHOR | BLOCKED)) == 0 && sameName(top, from, to)
                && !(formattingTop && copiesPossible)) {
            // (a formatting end tag acts on the newest lineage of that name in the formatting list: with copies
            // possible, that may be one this class has let go of, and this entry's element may stay open)
            boolean wasCertain = certain(top);
            if (wasCertain && id == SELECT) {
                selects--;
            }
            if (id == A) {
                activeA = false; // the adoption agency took it out of the list
            }
            popTop();
            if (!wasCertain) {
                distrust(); // jsoup may close a farther element of that name, and more with it
            }
            return;
        }
        if ((r & FORMATTING) != 0) {
            if (!formattingOpen(from, to)) {
                return; // nothing of that name is open or in the formatting list: jsoup ignores the tag
            }
            distrust(); // the adoption agency: not followed here
            return;
        }
        if (!closeBelow(from, to, r)) {
            distrust();
        }
    }

    /**
     * The end tag of an element below the top entry: closed with everything above it when all that is certain and
     * the scope search (closers, p, li, dd, dt, headings) or the any-other-end-tag walk (the rest) reaches it. Also
     * true, doing nothing, when no entry has that name: then no such element is open and jsoup ignores the tag.
     */
    private boolean closeBelow(int from, int to, int r) {
        boolean heading = (r & HEADING) != 0;
        int id = ElementRules.id(r);
        int boundary = (r & SCOPED_END) != 0 ? SCOPE | (id == P ? BUTTON : 0) | (id == LI ? LIST : 0) : SPECIAL;
        boolean reachable = true;
        for (int i = top(); i >= 0; i--) {
            if (size - i > WALK) {
                return false; // not looked further: assume the worst
            }
            boolean match = heading ? (rules[i] & HEADING) != 0 && (bits[i] & ANCHOR) == 0 : sameName(i, from, to);
            if (match) {
                if (reachable && certain(i) && (bits[i] & BLOCKED) == 0) {
                    popTo(i);
                    if (id == SELECT) {
                        selects--;
                    }
                    return true;
                }
                return false;
            }
            if ((rules[i] & boundary) != 0 && certain(i) && reachable) {
                return true; // the search stops at this element, which is open: nothing is closed
            }
            if (!certain(i) || (bits[i] & BLOCKED) != 0 || (rules[i] & boundary) != 0) {
                reachable = false; // keep looking: no entry of that name at all is still a certain no-op
            }
        }
        return true;
    }

    /**
     * Whether a formatting element of this name may be open or in the list of active formatting elements where an
     * end tag can reach it: an entry of that name above the nearest table structure (a cell's marker hides the
     * list below it, and the walk of "any other end tag" stops at the structure), or a recreatable copy.
     */
    private boolean formattingOpen(int from, int to) {
        if (copiesPossible) {
            return true;
        }
        for (int i = top(); i >= 0 && (bits[i] & ANCHOR) == 0; i--) {
            if (size - i > WALK || sameName(i, from, to)) {
                return true;
            }
        }
        return false;
    }

    /** An end tag inside a noscript island: jsoup closes the nearest open element of that name in the island. */
    void islandEndTag(int from, int to) {
        for (int i = top(); i >= 0 && (bits[i] & ANCHOR) == 0; i--) {
            if (size - i > WALK) {
                distrust();
                return;
            }
            if (sameName(i, from, to)) {
                if (certain(i)) {
                    popTo(i);
                } else {
                    distrust();
                }
                return;
            }
        }
        // not open in the island: ignored
    }

    // ---- helpers

    private int top() {
        return size - 1;
    }

    private boolean certain(int i) {
        return (bits[i] & ANCHOR) != 0 || (i >= trustedFrom && (bits[i] & CERTAIN) != 0);
    }

    /** Takes off the top entry, its element closed. */
    private void popTop() {
        size--;
        bound--;
        if ((rules[size] & FORMATTING) != 0) {
            formattingEntries--;
        }
        trustedFrom = Math.min(trustedFrom, size);
    }

    /**
     * Takes off the entries down to and including i, their elements closed. Formatting elements among those above
     * i stay in the formatting list and may be recreated: their +1 stays in the bound.
     */
    private void popTo(int i) {
        for (int j = top(); j > i; j--) {
            if ((rules[j] & FORMATTING) != 0) {
                copiesPossible = true;
                formattingEntries--;
            } else {
                bound--;
            }
        }
        size = i + 1;
        popTop();
    }

    /** Something happened that may have closed any entry: none is certain any more. */
    private void distrust() {
        trustedFrom = size;
        if (formattingEntries > 0) {
            copiesPossible = true; // a formatting element may have been closed while still in the list
        }
    }

    private boolean sameName(int i, int from, int to) {
        int f = nameFrom[i];
        return f >= 0 && Utf8View.sameName(s, view, f, nameTo[i], from, to);
    }
}
