package cn.meizhi.procedure;

/** Where a catalogue version stands: one is published at a time. */
public enum CatalogueStatus {

	DRAFT, PUBLISHED, RETIRED

}
