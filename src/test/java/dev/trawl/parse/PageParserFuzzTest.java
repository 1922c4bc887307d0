package dev.trawl.parse;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the parse stage (Jazzer). A normal test run replays the inputs stored under
 * src/test/resources/dev/trawl/parse/PageParserFuzzTestInputs/; `JAZZER_FUZZ=1 mvn test -Dtest=PageParserFuzzTest`
 * fuzzes for the given time and stores any failing input there, so that it is replayed from then on.
 */
class PageParserFuzzTest {

    /** Any bytes under any Content-Type: the parse never throws, and the tag scanner agrees with jsoup. */
    @FuzzTest(maxDuration = "60s")
    void anyBodyParsesAsJsoupWouldParseIt(FuzzedDataProvider data) {
        String contentType = data.pickValue(new String[] {"text/html", "text/html; charset=utf-8",
                "text/html; charset=shift_jis", "text/html; charset=windows-1252", null});
        byte[] body = data.consumeRemainingAsBytes();
        ScanDiff.assertSameAsJsoup(body, body.length, contentType, "http://fuzz.test/dir/page.html");
    }
}
