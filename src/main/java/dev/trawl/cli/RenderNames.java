package dev.trawl.cli;

import dev.trawl.render.RenderMode;
import java.util.Arrays;
import java.util.Iterator;

/** The --render values as users type them (lower case), for help and shell completion. */
final class RenderNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(RenderMode.values()).map(RenderMode::label).iterator();
    }
}
