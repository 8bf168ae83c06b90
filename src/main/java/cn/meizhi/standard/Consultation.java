package cn.meizhi.standard;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** A public consultation on a draft version: open until a day, then summarised. */
@Entity
@Table(name = "standard_consultation")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Consultation {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long versionId;

	private LocalDate closesOn;

	/** OPEN or SUMMARISED. */
	private String status;

	private String summary;

	private Instant openedAt;

	private String openedBy;

	private Instant closedAt;

	Consultation(long versionId, LocalDate closesOn, String openedBy, Instant openedAt) {
		this.versionId = versionId;
		this.closesOn = closesOn;
		this.status = "OPEN";
		this.openedBy = openedBy;
		this.openedAt = openedAt;
	}

	/** Whether comments are taken on this day. */
	public boolean takesCommentsOn(LocalDate day) {
		return "OPEN".equals(status) && !day.isAfter(closesOn);
	}

	public boolean isSummarised() {
		return "SUMMARISED".equals(status);
	}

	void summarise(String summary, Instant now) {
		this.summary = summary;
		this.status = "SUMMARISED";
		this.closedAt = now;
	}

}
