package dev.trawl.extract;

/**
 * What one page's fields may hold; past a bound the values are cut and the field is listed in
 * {@link ExtractedFields#truncated()}. A page is outsider input: a {@code div::html} on a 10 MB page, or
 * {@code links[]=a::attr(href)} on a page of a million links, must not make a record of that size.
 *
 * @param maxCharsPerPage   all values of one page together, in chars (UTF-16 units); the value that crosses the
 *                          bound is cut there and later values of the page are dropped (a single field keeps null)
 * @param maxValuesPerField values kept by one {@code NAME[]} field; later ones are dropped
 */
public record ExtractionLimits(int maxCharsPerPage, int maxValuesPerField) {

    /** 256 Ki chars per page, 1000 values per list field. */
    public static final ExtractionLimits DEFAULT = new ExtractionLimits(256 * 1024, 1000);

    public ExtractionLimits {
        if (maxCharsPerPage < 1 || maxValuesPerField < 1) {
            throw new IllegalArgumentException(
                    "extraction limits must be positive: " + maxCharsPerPage + " chars, " + maxValuesPerField + " values");
        }
    }
}
