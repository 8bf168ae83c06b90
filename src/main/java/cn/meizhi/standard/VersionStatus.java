package cn.meizhi.standard;

/**
 * The life of a standard version: a draft is edited, a published version is immutable and
 * usable by evaluation cycles, a retired one stays readable for the ratings judged by it.
 */
public enum VersionStatus {

	DRAFT, PUBLISHED, RETIRED

}
