package cn.meizhi.qualitymeasure;

import java.time.Instant;

import cn.meizhi.shared.FormRejectedException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** A version of the quality-control measures: draft → published → retired. */
@Entity
@Table(name = "measure_set")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class MeasureSet {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String label;

	@Enumerated(EnumType.STRING)
	private MeasureSetStatus status;

	/** An example (the demo's), not a regulator's set. */
	private boolean example;

	private Instant createdAt;

	private String createdBy;

	private Instant publishedAt;

	private Instant retiredAt;

	/** The first reporting period is the one that contains this day. */
	private java.time.LocalDate reportingFrom;

	MeasureSet(String label, boolean example, java.time.LocalDate reportingFrom, Instant now, String by) {
		this.label = label;
		this.reportingFrom = reportingFrom;
		this.example = example;
		this.status = MeasureSetStatus.DRAFT;
		this.createdAt = now;
		this.createdBy = by;
	}

	void publish(Instant now) {
		if (status != MeasureSetStatus.DRAFT) {
			throw FormRejectedException.of(null, "measureSet.publish.notDraft");
		}
		this.status = MeasureSetStatus.PUBLISHED;
		this.publishedAt = now;
	}

	void retire(Instant now) {
		if (status != MeasureSetStatus.PUBLISHED) {
			throw FormRejectedException.of(null, "measureSet.retire.notPublished");
		}
		this.status = MeasureSetStatus.RETIRED;
		this.retiredAt = now;
	}

}
