package cn.meizhi.standard;

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
 * A comment on a draft version (or one of its indicators), and the regulator's answer.
 */
@Entity
@Table(name = "consultation_comment")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class ConsultationComment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long consultationId;

	private Long indicatorId;

	private String author;

	private String text;

	private Instant submittedAt;

	private String answer;

	private Instant answeredAt;

	private String answeredBy;

	ConsultationComment(long consultationId, Long indicatorId, String author, String text, Instant submittedAt) {
		this.consultationId = consultationId;
		this.indicatorId = indicatorId;
		this.author = author;
		this.text = text;
		this.submittedAt = submittedAt;
	}

	void answer(String answer, String by, Instant now) {
		this.answer = answer;
		this.answeredBy = by;
		this.answeredAt = now;
	}

}
