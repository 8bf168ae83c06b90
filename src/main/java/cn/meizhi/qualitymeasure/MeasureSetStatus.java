package cn.meizhi.qualitymeasure;

/** A measure set's life: drafted by import, published (one at a time), retired. */
public enum MeasureSetStatus {

	DRAFT, PUBLISHED, RETIRED

}
