package dev.trawl.cli;

import dev.trawl.url.Scope;
import java.util.Arrays;
import java.util.Iterator;

/** The --scope values as users type them (lower case), for help and shell completion. */
final class ScopeNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(Scope.values()).map(scope -> scope.name().toLowerCase(java.util.Locale.ROOT)).iterator();
    }
}
