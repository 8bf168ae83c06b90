package cn.meizhi.qualitymeasure;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * One submission of a report, kept for good: when, by whom, why (a correction's reason)
 * and the values it carried (JSON: measure code, numerator, denominator, value).
 */
@Entity
@Table(name = "measure_report_revision")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class MeasureReportRevision {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long reportId;

	private int revision;

	private Instant submittedAt;

	private String submittedBy;

	private String reason;

	private String valuesJson;

	MeasureReportRevision(long reportId, int revision, Instant submittedAt, String submittedBy, String reason,
			String valuesJson) {
		this.reportId = reportId;
		this.revision = revision;
		this.submittedAt = submittedAt;
		this.submittedBy = submittedBy;
		this.reason = reason;
		this.valuesJson = valuesJson;
	}

}
