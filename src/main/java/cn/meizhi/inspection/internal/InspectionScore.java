package cn.meizhi.inspection.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

import cn.meizhi.inspection.Severity;
import cn.meizhi.standard.EvaluationMethod;
import cn.meizhi.standard.Score;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * The team's score of one indicator, with the methods used and the finding when below the
 * maximum. Versioned on its own, so that teammates scoring different indicators never
 * conflict and two scoring the same one are told.
 */
@Entity
@Table(name = "inspection_score")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class InspectionScore {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private long version;

	private Long inspectionId;

	private Long indicatorId;

	private BigDecimal score;

	private boolean notApplicable;

	private String methods;

	private String finding;

	@Enumerated(EnumType.STRING)
	private Severity severity;

	private Instant updatedAt;

	/** Whether the finding's text is public (the regulator decides). */
	private boolean findingPublic;

	private String updatedBy;

	public InspectionScore(long inspectionId, long indicatorId) {
		this.inspectionId = inspectionId;
		this.indicatorId = indicatorId;
		this.methods = "";
	}

	public void set(Score value, Set<EvaluationMethod> methods, String finding, Severity severity, String by,
			Instant now) {
		this.notApplicable = value != null && value.notApplicable();
		this.score = value == null || value.notApplicable() ? null : value.value();
		this.methods = String.join(",", methods.stream().map(Enum::name).sorted().toList());
		this.finding = finding == null || finding.isBlank() ? null : finding.strip();
		this.severity = this.finding == null ? null : severity;
		this.updatedBy = by;
		this.updatedAt = now;
	}

	public boolean isScored() {
		return notApplicable || score != null;
	}

	public Score toScore() {
		return notApplicable ? Score.NOT_APPLICABLE : score == null ? null : Score.of(score);
	}

	public String getValue() {
		return notApplicable ? "NA" : score == null ? "" : score.stripTrailingZeros().toPlainString();
	}

	public Set<EvaluationMethod> getMethodSet() {
		var set = java.util.EnumSet.noneOf(EvaluationMethod.class);
		for (String name : methods == null ? new String[0] : methods.split(",")) {
			if (!name.isBlank()) {
				set.add(EvaluationMethod.valueOf(name));
			}
		}
		return set;
	}

	/** The regulator makes the finding's text public, or private again. */
	public void setFindingPublic(boolean findingPublic) {
		this.findingPublic = findingPublic;
	}

}
