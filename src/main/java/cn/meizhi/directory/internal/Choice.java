package cn.meizhi.directory.internal;

/**
 * One option of a filter on the directory page, its label already in the reader's
 * language and whether the current search chose it: the template only writes them out
 * (the page lists ~90 options, and each comparison and message lookup done in the
 * template was paid on every search).
 *
 * @param value what the form sends
 * @param label what the reader sees
 * @param selected whether the current search chose it
 */
public record Choice(String value, String label, boolean selected) {
}
