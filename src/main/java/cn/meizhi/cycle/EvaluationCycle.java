package cn.meizhi.cycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.meizhi.shared.FormRejectedException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * An evaluation cycle. It guards its own status changes, windows and enrolment.
 */
@Entity
@Table(name = "evaluation_cycle")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class EvaluationCycle {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private long lockVersion;

	private String name;

	private String jurisdictionCode;

	private Long standardVersionId;

	private LocalDate selfAssessmentOpens;

	private LocalDate selfAssessmentCloses;

	private LocalDate inspectionStarts;

	private LocalDate inspectionEnds;

	@Enumerated(EnumType.STRING)
	private CycleStatus status;

	/**
	 * Days an approved rating stays on public notice (公示) before it takes effect; 0
	 * publishes it at approval.
	 */
	private int noticeDays;

	private String createdBy;

	private Instant createdAt;

	@OneToMany(mappedBy = "cycle", cascade = CascadeType.ALL)
	private List<Enrolment> enrolments = new ArrayList<>();

	EvaluationCycle(String name, String jurisdictionCode, long standardVersionId, LocalDate selfAssessmentOpens,
			LocalDate selfAssessmentCloses, LocalDate inspectionStarts, LocalDate inspectionEnds, int noticeDays,
			String createdBy, Instant now) {
		this.name = name;
		this.jurisdictionCode = jurisdictionCode;
		this.standardVersionId = standardVersionId;
		this.selfAssessmentOpens = selfAssessmentOpens;
		this.selfAssessmentCloses = selfAssessmentCloses;
		this.inspectionStarts = inspectionStarts;
		this.inspectionEnds = inspectionEnds;
		this.noticeDays = requireNoticeDays(noticeDays);
		this.status = CycleStatus.PLANNED;
		this.createdBy = createdBy;
		this.createdAt = now;
	}

	/** Moves to the next status; no skipping, no going back. */
	void advanceTo(CycleStatus target) {
		if (status.next().filter(target::equals).isEmpty()) {
			throw FormRejectedException.of(null, "cycle.status.notAllowed", status, target);
		}
		this.status = target;
	}

	/** Moves the self-assessment deadline (usually later, to let institutions finish). */
	void changeSelfAssessmentClose(LocalDate closes) {
		if (status == CycleStatus.CLOSED) {
			throw FormRejectedException.of("closes", "cycle.closed");
		}
		if (closes.isBefore(selfAssessmentOpens)) {
			throw FormRejectedException.of("closes", "cycle.window.beforeOpen");
		}
		this.selfAssessmentCloses = closes;
	}

	/**
	 * Changes the notice period of ratings approved from now on; those already on notice
	 * keep theirs.
	 */
	void changeNoticeDays(int days) {
		if (status == CycleStatus.CLOSED) {
			throw FormRejectedException.of("noticeDays", "cycle.closed");
		}
		this.noticeDays = requireNoticeDays(days);
	}

	private static int requireNoticeDays(int days) {
		if (days < 0 || days > MAX_NOTICE_DAYS) {
			throw FormRejectedException.of("noticeDays", "cycle.notice.range", MAX_NOTICE_DAYS);
		}
		return days;
	}

	/** The longest public notice a cycle may set. */
	public static final int MAX_NOTICE_DAYS = 30;

	/** Whether a self-assessment may be submitted on this day. */
	public boolean acceptsSubmissionsOn(LocalDate day) {
		return status == CycleStatus.OPEN && !day.isBefore(selfAssessmentOpens) && !day.isAfter(selfAssessmentCloses);
	}

	/**
	 * Whether self-assessments may be edited at all (drafts are kept while the cycle is
	 * open).
	 */
	public boolean acceptsEdits() {
		return status == CycleStatus.OPEN;
	}

	Enrolment enrol(long institutionId, Instant now) {
		if (status == CycleStatus.CLOSED) {
			throw FormRejectedException.of(null, "cycle.closed");
		}
		Optional<Enrolment> existing = enrolment(institutionId);
		if (existing.isPresent()) {
			if (!existing.get().isActive()) {
				existing.get().reinstate(now);
			}
			return existing.get();
		}
		Enrolment enrolment = new Enrolment(this, institutionId, now);
		enrolments.add(enrolment);
		return enrolment;
	}

	void withdraw(long institutionId, String reason, Instant now) {
		if (reason == null || reason.isBlank()) {
			throw FormRejectedException.of("reason", "cycle.withdraw.reasonRequired");
		}
		cn.meizhi.shared.Texts.requireMax(reason, 500, "reason");
		Enrolment enrolment = enrolment(institutionId).filter(Enrolment::isActive)
			.orElseThrow(() -> FormRejectedException.of(null, "cycle.withdraw.notEnrolled"));
		enrolment.withdraw(reason.strip(), now);
	}

	public Optional<Enrolment> enrolment(long institutionId) {
		return enrolments.stream().filter(e -> e.getInstitutionId() == institutionId).findFirst();
	}

	public boolean enrolls(long institutionId) {
		return enrolment(institutionId).map(Enrolment::isActive).orElse(false);
	}

	public List<Enrolment> activeEnrolments() {
		return enrolments.stream().filter(Enrolment::isActive).toList();
	}

}
