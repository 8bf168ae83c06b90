package cn.meizhi.directory;

/**
 * A region of the directory's filter: provinces, then their cities and districts, indented. Public, like
 * every type a template reads, so that Thymeleaf's compiled SpEL can read it without reflection.
 *
 * @param code GB/T 2260 code
 * @param label the name, indented by level, in the reader's language
 */
public record RegionOption(String code, String label) {
}
