package dev.trawl.cli;

import dev.trawl.extract.ExtractionRules;
import dev.trawl.extract.FieldSpec;
import dev.trawl.extract.RulesFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** --extract and --rules, as crawl and extract take them; a mistake in either is a one-line usage error. */
final class ExtractionOptions {
    private ExtractionOptions() {}

    static ExtractionRules rules(List<String> extract, Path rules) {
        List<FieldSpec> everyPage = new ArrayList<>();
        for (String option : extract) {
            try {
                everyPage.add(FieldSpec.parse(option));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--extract: " + e.getMessage());
            }
        }
        try {
            return ExtractionRules.of(everyPage, rules == null ? List.of() : RulesFile.load(rules));
        } catch (IllegalArgumentException e) {
            throw new UsageException((rules == null ? "--extract: " : "--rules: ") + e.getMessage());
        }
    }
}
