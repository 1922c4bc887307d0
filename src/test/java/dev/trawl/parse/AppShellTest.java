package dev.trawl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rule of --render auto, through both readers: the tag scanner and jsoup's DOM (the parser of record). */
class AppShellTest {
    private static final String TEXT = "Plenty of words. ".repeat(80); // 1,360 characters: past LITTLE_TEXT

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            create-react-app shell    | true  | <html><head><script src=/main.js></script></head><body><noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div></body></html>
            empty mount, nav links    | true  | <body><nav><a href=/a>a</a><a href=/b>b</a></nav><div id=app>  </div><script src=/app.js></script></body>
            next.js mount             | true  | <body><div id="__next"></div><a href=/x>x</a><script src=/n.js></script></body>
            angular app-root          | true  | <body><app-root></app-root><a href=/x>x</a><script src=/main.js></script></body>
            no links, only script     | true  | <html><body><script>document.write('hi')</script></body></html>
            noscript asks, links      | true  | <body><a href=/x>x</a><noscript>Please enable JavaScript.</noscript><script src=/s.js></script></body>
            server-rendered mount     | false | <body><div id="root"><a href=/a>a</a> hello</div><script src=/main.js></script></body>
            no script at all          | false | <body><div id="root"></div></body>
            links and no mount        | false | <body><a href=/a>a</a><div id=content></div><script src=/s.js></script></body>
            id only looks like one    | false | <body><a href=/a>a</a><div id="rooted"></div><script src=/s.js></script></body>
            mount in a comment only   | false | <body><a href=/a>a</a><p>text</p><script>var x = 1</script></body>
            """)
    void decidesLikeTheDocumentedRule(String name, boolean shell, String html) {
        assertThat(parse(html, true)).as("tag scanner: " + name).isEqualTo(shell);
        assertThat(parse(html, false)).as("jsoup: " + name).isEqualTo(shell);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty mount       | <body><div id="root"></div><script src=/main.js></script><p>%s</p></body>
            no links          | <body><script src=/main.js></script><p>%s</p></body>
            """)
    void aPageWithItsTextInTheHtmlIsNoShell(String name, String html) {
        assertThat(parse(html.formatted(TEXT), true)).as(name).isFalse();
        assertThat(parse(html.formatted(TEXT), false)).as(name).isFalse();
    }

    private static boolean parse(String html, boolean scanner) {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        return new PageParser(new UriLinkResolver(), scanner, ParseListener.NONE).parse(bytes, bytes.length, "text/html; charset=utf-8",
                "http://example.com/").appShell();
    }
}
