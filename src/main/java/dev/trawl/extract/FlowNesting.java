package dev.trawl.extract;

/**
 * How deep YAML flow collections ({@code [[[...} or <code>{{{...</code>) nest, outside quotes: an over-estimate
 * (brackets in plain scalars count too) that is only used to refuse absurd files before a recursive parser meets
 * them. Block collections need an indent per level, so a bounded file bounds their depth already.
 */
final class FlowNesting {
    private FlowNesting() {}

    static int depth(String text) {
        int depth = 0;
        int max = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[' || c == '{') {
                max = Math.max(max, ++depth);
            } else if (c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
            } else if (c == '\n') {
                quote = 0; // a stray apostrophe (it's) must not hide the rest of the file
            }
        }
        return max;
    }
}
