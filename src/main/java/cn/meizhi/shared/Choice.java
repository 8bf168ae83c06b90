package cn.meizhi.shared;

/**
 * One option of a form's list (a filter's region, star level or type; a benchmark's
 * period or measure), its label already in the reader's language and whether the current
 * request chose it: templates only write them out. A page of filters lists dozens of
 * options, and each comparison and message lookup done in the template was paid for every
 * option on every request.
 *
 * @param value what the form sends
 * @param label what the reader sees
 * @param selected whether the current request chose it
 */
public record Choice(String value, String label, boolean selected) {
}
