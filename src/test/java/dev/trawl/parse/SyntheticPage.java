package dev.trawl.parse;

import java.util.Random;

/** A page shaped like gensite.py's: 8-16 KB, head metadata, ~30 relative, rooted and absolute links. */
final class SyntheticPage {
    private SyntheticPage() {}

    static String html(Random random, int n) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Page ")
                .append(n).append(" | Bench</title>\n<meta name=\"description\" content=\"").append(words(random, 18))
                .append("\">\n<link rel=\"canonical\" href=\"http://127.0.0.1:8088/sec01/page-").append(n)
                .append(".html\">\n<style>body{font-family:sans-serif}</style>\n</head>\n<body>\n<main>\n");
        int target = 8_192 + random.nextInt(7_000);
        int links = 0;
        while (html.length() < target) {
            html.append("<p>").append(words(random, 60));
            for (int i = 0; i < 3 && links < 32; i++, links++) {
                html.append(" <a href=\"").append(href(random)).append("\">").append(words(random, 2)).append("</a> ");
            }
            html.append(words(random, 40)).append(".</p>\n");
        }
        return html.append("</main>\n<footer><a href=\"http://external.invalid/x\">x</a></footer>\n</body>\n</html>\n")
                .toString();
    }

    private static String href(Random random) {
        int page = random.nextInt(20_000);
        return switch (random.nextInt(3)) {
            case 0 -> "../sec" + page % 40 + "/page-" + page + ".html";
            case 1 -> "/sec" + page % 40 + "/page-" + page + ".html#s" + random.nextInt(9);
            default -> "http://127.0.0.1:8088/sec" + page % 40 + "/page-" + page + ".html";
        };
    }

    private static String words(Random random, int count) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < count; i++) {
            s.append(i == 0 ? "" : " ").append("word".repeat(1 + random.nextInt(2))).append(random.nextInt(100));
        }
        return s.toString();
    }
}
