package dev.trawl.parse;

import static dev.trawl.parse.TagKind.BODY;
import static dev.trawl.parse.TagKind.BR;
import static dev.trawl.parse.TagKind.CAPTION;
import static dev.trawl.parse.TagKind.COL;
import static dev.trawl.parse.TagKind.COLGROUP;
import static dev.trawl.parse.TagKind.FORM;
import static dev.trawl.parse.TagKind.FRAME;
import static dev.trawl.parse.TagKind.HEAD;
import static dev.trawl.parse.TagKind.HTML;
import static dev.trawl.parse.TagKind.P;
import static dev.trawl.parse.TagKind.SCRIPT;
import static dev.trawl.parse.TagKind.STYLE;
import static dev.trawl.parse.TagKind.TABLE;
import static dev.trawl.parse.TagKind.TBODY;
import static dev.trawl.parse.TagKind.TD;
import static dev.trawl.parse.TagKind.TEMPLATE;
import static dev.trawl.parse.TagKind.TFOOT;
import static dev.trawl.parse.TagKind.TH;
import static dev.trawl.parse.TagKind.THEAD;
import static dev.trawl.parse.TagKind.TR;

/**
 * Follows the tree builder's table insertion modes (in table, in table body, in row, in cell, in caption, in column
 * group) for the open tables, one entry per table, as jsoup's HtmlTreeBuilderState does.
 *
 * <p>Why it exists: tables are the one place where the tree builder moves content out of document order. Outside a
 * cell or caption, any element or text that does not belong to the table structure is "foster parented" in front of
 * the table, so a link written after a row can land before it. The scanner reads elements in token order; it is only
 * right when no such move happens. This model says when an element would be moved, and {@link TagScanner} then gives
 * the page to jsoup. Inside a cell or caption the in-body rules apply, which keep document order, so it follows no
 * more than the modes; it also tells {@link StackBound} how the table structure opens and closes elements (jsoup's
 * pops there are exact, so the bound goes back to its state when the table was opened).
 */
final class TableModel {
    // the insertion mode of one open table
    private static final byte IN_TABLE = 0;
    private static final byte IN_BODY_SECTION = 1; // tbody, thead or tfoot
    private static final byte IN_ROW = 2;
    private static final byte IN_CELL = 3;
    private static final byte IN_CAPTION = 4;
    private static final byte IN_COLUMN_GROUP = 5;

    /** Nested tables deeper than this go to jsoup (its open-element stack is limited too). */
    private static final int MAX_TABLES = 32;

    private final byte[] mode = new byte[MAX_TABLES];
    private final byte[] section = new byte[MAX_TABLES]; // TBODY, THEAD or TFOOT: the open row group
    private final byte[] cell = new byte[MAX_TABLES]; // TD or TH: the open cell
    /** The depth bound's state just after the table element was opened (see {@link #setMode}). */
    private final long[] tableState = new long[MAX_TABLES];
    private final StackBound bound;
    private int depth;

    TableModel(StackBound bound) {
        this.bound = bound;
    }

    boolean open() {
        return depth > 0;
    }

    /** Whether a start or end tag that is not table structure now goes through the "in table" rules. */
    boolean fostering() {
        if (depth == 0) {
            return false;
        }
        byte m = mode[depth - 1];
        return m != IN_CELL && m != IN_CAPTION;
    }

    boolean inColumnGroup() {
        return depth > 0 && mode[depth - 1] == IN_COLUMN_GROUP;
    }

    /** Non-blank text in a column group closes it (and is then foster parented, see TagScanner#text). */
    void closeColumnGroup() {
        setMode(depth - 1, IN_TABLE);
    }

    /**
     * An input whose type is hidden, as the "in table" rules see it (the first attribute named exactly "type",
     * case-sensitively, since the token's names are not lower-cased yet): inserted into the table, not fostered.
     */
    static final int HIDDEN_INPUT = -1;

    /** Applies a start tag (not inside a noscript island). Throws when the tag would be moved out of order. */
    void startTag(int kind) {
        if (depth == 0) {
            if (kind == TABLE) {
                push();
            }
            return;
        }
        start(kind);
    }

    /** Applies an end tag (not inside a noscript island). */
    void endTag(int kind) {
        if (depth > 0) {
            end(kind);
        }
    }

    private void start(int kind) {
        int top = depth - 1;
        switch (mode[top]) {
            case IN_TABLE -> inTableStart(kind);
            case IN_BODY_SECTION -> {
                if (kind == TR) {
                    setMode(top, IN_ROW);
                } else if (kind == TD || kind == TH) {
                    openCell(top, kind); // a tr is implied
                } else if (kind == CAPTION || kind == COL || kind == COLGROUP || isSection(kind)) {
                    setMode(top, IN_TABLE); // the row group is closed, then the tag is reprocessed
                    inTableStart(kind);
                } else {
                    inTableStart(kind);
                }
            }
            case IN_ROW -> {
                if (kind == TD || kind == TH) {
                    openCell(top, kind);
                } else if (kind == CAPTION || kind == COL || kind == COLGROUP || isSection(kind) || kind == TR) {
                    setMode(top, IN_BODY_SECTION); // the row is closed, then the tag is reprocessed
                    start(kind);
                } else {
                    inTableStart(kind);
                }
            }
            case IN_CELL -> {
                if (closesCellOrCaption(kind)) {
                    setMode(top, IN_ROW);
                    start(kind);
                } else if (kind == TABLE) {
                    push(); // in-body rules: a table nested in the cell
                }
            }
            case IN_CAPTION -> {
                if (closesCellOrCaption(kind)) {
                    setMode(top, IN_TABLE);
                    inTableStart(kind);
                } else if (kind == TABLE) {
                    push();
                }
            }
            default -> { // in column group
                if (kind == COL || kind == HTML) {
                    return; // col goes into the colgroup; html only merges attributes onto the root
                }
                if (kind == TEMPLATE) {
                    throw TagScanner.bail(JsoupFallback.TEMPLATE);
                }
                setMode(top, IN_TABLE); // the colgroup is closed, then the tag is reprocessed
                inTableStart(kind);
            }
        }
    }

    /** The "in table" start-tag rules; also the fallback of the row group and row modes. */
    private void inTableStart(int kind) {
        int top = depth - 1;
        switch (kind) {
            case CAPTION -> setMode(top, IN_CAPTION);
            case COLGROUP, COL -> setMode(top, IN_COLUMN_GROUP);
            case TBODY, THEAD, TFOOT -> {
                setMode(top, IN_BODY_SECTION);
                section[top] = (byte) kind;
            }
            case TR -> {
                setMode(top, IN_ROW);
                section[top] = TBODY; // implied
            }
            case TD, TH -> {
                section[top] = TBODY;
                openCell(top, kind);
            }
            // script and style are processed by the in-head rules, a form is inserted but not opened, and these
            // others are dropped or only merge attributes: none is moved in front of the table
            case SCRIPT, STYLE, FORM, HTML, BODY, HEAD, FRAME, HIDDEN_INPUT -> { }
            default -> throw TagScanner.bail(JsoupFallback.FOSTER_PARENTING);
        }
    }

    private void end(int kind) {
        int top = depth - 1;
        switch (mode[top]) {
            case IN_TABLE -> inTableEnd(kind);
            case IN_BODY_SECTION -> {
                if (isSection(kind)) {
                    if (kind == section[top]) {
                        setMode(top, IN_TABLE);
                    } // another row group's end tag is not in scope: ignored
                } else if (kind == TABLE) {
                    pop();
                } else if (!ignoredInBodySection(kind)) {
                    inTableEnd(kind);
                }
            }
            case IN_ROW -> {
                if (kind == TR) {
                    setMode(top, IN_BODY_SECTION);
                } else if (kind == TABLE) {
                    pop();
                } else if (isSection(kind)) {
                    if (kind == section[top]) {
                        setMode(top, IN_TABLE); // closes the row, then the row group
                    }
                } else if (!ignoredInRow(kind)) {
                    inTableEnd(kind);
                }
            }
            case IN_CELL -> {
                if (kind == TD || kind == TH) {
                    if (kind != cell[top]) {
                        // </th> in a td: jsoup switches to "in row" with the cell still open
                        throw TagScanner.bail(JsoupFallback.MISMATCHED_CELL);
                    }
                    setMode(top, IN_ROW);
                } else if (kind == TABLE) {
                    pop();
                } else if (kind == TR) {
                    setMode(top, IN_BODY_SECTION); // closes the cell, then the row
                } else if (isSection(kind)) {
                    if (kind == section[top]) {
                        setMode(top, IN_TABLE); // closes cell, row and row group
                    }
                } // others: in-body rules, which cannot close anything beyond the cell
            }
            case IN_CAPTION -> {
                if (kind == CAPTION) {
                    setMode(top, IN_TABLE);
                } else if (kind == TABLE) {
                    pop();
                } // others: ignored, or in-body rules within the caption
            }
            default -> { // in column group
                if (kind == COLGROUP) {
                    setMode(top, IN_TABLE);
                } else if (kind == TEMPLATE) {
                    throw TagScanner.bail(JsoupFallback.TEMPLATE);
                } else if (kind != COL) {
                    setMode(top, IN_TABLE); // the colgroup is closed, then the tag is reprocessed
                    inTableEnd(kind);
                }
            }
        }
    }

    /** The "in table" end-tag rules; also the fallback of the row group and row modes. */
    private void inTableEnd(int kind) {
        switch (kind) {
            case TABLE -> pop();
            case TEMPLATE -> throw TagScanner.bail(JsoupFallback.TEMPLATE);
            // </p> and </br> make the in-body rules insert an element, which would be foster parented
            case P, BR -> throw TagScanner.bail(JsoupFallback.FOSTER_PARENTING);
            // the rest are ignored here, or run in-body steps that stop at the table (a scope boundary and a
            // special element) without touching the tree
            default -> { }
        }
    }

    private void openCell(int top, int kind) {
        setMode(top, IN_CELL);
        cell[top] = (byte) kind;
    }

    private void push() {
        if (depth == MAX_TABLES) {
            throw TagScanner.bail(JsoupFallback.DEEP_TABLES);
        }
        bound.pushAnchor();
        tableState[depth] = bound.state();
        mode[depth] = IN_TABLE;
        depth++;
    }

    /** Closes the top table: jsoup pops everything down to and including the table element. */
    private void pop() {
        depth--;
        bound.reset(tableState[depth]);
        bound.popAnchor();
    }

    /**
     * Switches the top table's mode. Every switch is jsoup closing down to the table structure the new mode keeps
     * open and opening the rest (a new cell, row, ...), so the depth bound goes back to its state when the table was
     * opened plus the structure: table, then caption or colgroup or row group, then row, then cell.
     */
    private void setMode(int top, byte m) {
        mode[top] = m;
        bound.reset(tableState[top]);
        int levels = switch (m) {
            case IN_TABLE -> 0;
            case IN_ROW -> 2;
            case IN_CELL -> 3;
            default -> 1; // caption, column group, row group
        };
        for (int i = 0; i < levels; i++) {
            bound.pushAnchor();
        }
    }

    private static boolean isSection(int kind) {
        return kind == TBODY || kind == THEAD || kind == TFOOT;
    }

    /** Start tags that close an open cell or caption and are then reprocessed. */
    private static boolean closesCellOrCaption(int kind) {
        return kind == CAPTION || kind == COL || kind == COLGROUP || isSection(kind) || kind == TR || kind == TD
                || kind == TH;
    }

    private static boolean ignoredInBodySection(int kind) {
        return kind == BODY || kind == CAPTION || kind == COL || kind == COLGROUP || kind == HTML || kind == TD
                || kind == TH || kind == TR;
    }

    private static boolean ignoredInRow(int kind) {
        return kind == BODY || kind == CAPTION || kind == COL || kind == COLGROUP || kind == HTML || kind == TD
                || kind == TH;
    }
}
