package cn.meizhi.qualitymeasure;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.meizhi.shared.FormRejectedException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * An institution's report of one period under the published measure set: its values and
 * where it stands. Filled in (by form or file) as a draft, submitted (then locked),
 * returned by the regulator with a reason and submitted again, or corrected after
 * submission with a reason. Each submission is a revision kept with its values.
 */
@Entity
@Table(name = "measure_report")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class MeasureReport {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long institutionId;

	private String regionCode;

	private Long setId;

	/** The period's key, e.g. {@code 2026-Q3}. */
	private String period;

	@Enumerated(EnumType.STRING)
	private ReportStatus status;

	/** How many times it was submitted (0: never). */
	private int revision;

	private Instant createdAt;

	private Instant updatedAt;

	private String updatedBy;

	/** The latest submission. */
	private Instant submittedAt;

	private String returnReason;

	private Instant returnedAt;

	private String returnedBy;

	@Version
	private long version;

	// a report's twenty-odd values are always read with it
	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "measure_value", joinColumns = @JoinColumn(name = "report_id"))
	private List<Value> values = new ArrayList<>();

	/**
	 * One measure's reported numbers: the numerator (the count or days for a measure
	 * without denominator), the denominator of a rate, and the value they give (null for
	 * a rate over no cases).
	 */
	@Embeddable
	@Getter
	@NoArgsConstructor(access = AccessLevel.PROTECTED)
	public static class Value {

		@Column(name = "measure_id")
		private Long measureId;

		private BigDecimal numerator;

		private BigDecimal denominator;

		@Column(name = "value")
		private BigDecimal value;

		public Value(long measureId, BigDecimal numerator, BigDecimal denominator, BigDecimal value) {
			this.measureId = measureId;
			this.numerator = numerator;
			this.denominator = denominator;
			this.value = value;
		}

	}

	MeasureReport(long institutionId, String regionCode, long setId, MeasurePeriod period, Instant now, String by) {
		this.institutionId = institutionId;
		this.regionCode = regionCode;
		this.setId = setId;
		this.period = period.key();
		this.status = ReportStatus.DRAFT;
		this.createdAt = now;
		this.updatedAt = now;
		this.updatedBy = by;
	}

	/** Replaces the values of a report that is still being filled in. */
	void fill(List<Value> filled, Instant now, String by) {
		if (!status.editable()) {
			throw FormRejectedException.of(null, "measureReport.locked");
		}
		replace(filled, now, by);
	}

	/** Submits the filled-in values: locked from now on. */
	void submit(Instant now, String by) {
		if (!status.editable()) {
			throw FormRejectedException.of(null, "measureReport.alreadySubmitted");
		}
		this.status = ReportStatus.SUBMITTED;
		this.revision++;
		this.submittedAt = now;
		this.updatedAt = now;
		this.updatedBy = by;
	}

	/** Corrects a submitted report: new values, a new revision. */
	void correct(List<Value> corrected, Instant now, String by) {
		if (status != ReportStatus.SUBMITTED) {
			throw FormRejectedException.of(null, "measureReport.correctOnlySubmitted");
		}
		replace(corrected, now, by);
		this.revision++;
		this.submittedAt = now;
	}

	/** The regulator sends a submitted report back with a reason: editable again. */
	void returnToInstitution(String reason, Instant now, String by) {
		if (status != ReportStatus.SUBMITTED) {
			throw FormRejectedException.of(null, "measureReport.returnOnlySubmitted");
		}
		this.status = ReportStatus.RETURNED;
		this.returnReason = reason;
		this.returnedAt = now;
		this.returnedBy = by;
	}

	private void replace(List<Value> filled, Instant now, String by) {
		values.clear();
		values.addAll(filled);
		this.updatedAt = now;
		this.updatedBy = by;
	}

	/** The value of one measure, if reported. */
	public java.util.Optional<Value> valueOf(long measureId) {
		return values.stream().filter(v -> v.getMeasureId() == measureId).findFirst();
	}

}
