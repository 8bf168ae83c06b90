package cn.meizhi.enforcement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

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

/** A penalty or order decided against an institution, as the decision reads. */
@Entity
@Table(name = "penalty")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Penalty {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long institutionId;

	private String regionCode;

	private String decisionNumber;

	private LocalDate decidedOn;

	private String legalBasis;

	private String finding;

	@Enumerated(EnumType.STRING)
	private PenaltyMeasure measure;

	private BigDecimal fineYuan;

	private String publicationUrl;

	private Instant recordedAt;

	private String recordedBy;

	Penalty(long institutionId, String regionCode, PenaltyForm form, Instant recordedAt, String recordedBy) {
		this.institutionId = institutionId;
		this.regionCode = regionCode;
		this.decisionNumber = form.getDecisionNumber().strip();
		this.decidedOn = form.getDecidedOn();
		this.legalBasis = form.getLegalBasis().strip();
		this.finding = form.getFinding().strip();
		this.measure = form.getMeasure();
		this.fineYuan = form.getMeasure() == PenaltyMeasure.FINE ? form.getFineYuan() : null;
		this.publicationUrl = form.getPublicationUrl() == null || form.getPublicationUrl().isBlank() ? null
				: form.getPublicationUrl().strip();
		this.recordedAt = recordedAt;
		this.recordedBy = recordedBy;
	}

}
