package cn.meizhi.enforcement;

import java.math.BigDecimal;
import java.time.LocalDate;

import lombok.Data;

import org.springframework.format.annotation.DateTimeFormat;

/** A penalty decision as the regulator copies it from the decision document. */
@Data
public class PenaltyForm {

	private Long institutionId;

	/** 处罚决定书文号, e.g. 杭上卫医罚〔2026〕12号 */
	private String decisionNumber;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate decidedOn;

	private String legalBasis;

	private String finding;

	private PenaltyMeasure measure;

	private BigDecimal fineYuan;

	private String publicationUrl;

}
