package cn.meizhi.complaint;

import java.time.Instant;
import java.time.LocalDate;

import cn.meizhi.calendar.WorkingCalendar;
import cn.meizhi.complaint.internal.ComplaintRepository;
import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.institution.InstitutionSummary;
import cn.meizhi.shared.Actor;
import cn.meizhi.shared.CurrentUser;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaints that were handled before they reached Meizhi (a register taken over from
 * paper, or the demo's past): recorded with the days they really happened, through the
 * same steps and the same audit trail as a complaint handled here.
 */
@Service
public class ComplaintHistory {

	private final ComplaintRepository complaints;

	private final InstitutionManagement institutions;

	private final WorkingCalendar calendar;

	private final PasswordEncoder secrets;

	private final ApplicationEventPublisher events;

	private final int acknowledgeWithin;

	private final int decideWithin;

	ComplaintHistory(ComplaintRepository complaints, InstitutionManagement institutions, WorkingCalendar calendar,
			PasswordEncoder secrets, ApplicationEventPublisher events,
			@Value("${meizhi.complaints.acknowledge-within:5}") int acknowledgeWithin,
			@Value("${meizhi.complaints.decide-within:30}") int decideWithin) {
		this.complaints = complaints;
		this.institutions = institutions;
		this.calendar = calendar;
		this.secrets = secrets;
		this.events = events;
		this.acknowledgeWithin = acknowledgeWithin;
		this.decideWithin = decideWithin;
	}

	/**
	 * A complaint as it went: filed, then (each step optional, in order) acknowledged,
	 * asked for a statement, answered, decided.
	 */
	public record PastComplaint(String trackingNumber, String secretCode, Complaint.Filing filing, Instant receivedAt,
			Instant acknowledgedAt, String statementQuestion, LocalDate statementDue, Instant statementAskedAt,
			String statement, Instant statementGivenAt, ComplaintOutcome outcome, String publicAnswer,
			String referredTo, Instant decidedAt) {
	}

	/**
	 * Records a past complaint; the regulator acted on it, the clinic's user answered.
	 */
	@Transactional
	public long record(CurrentUser regulator, CurrentUser clinic, PastComplaint past) {
		LocalDate received = calendar.dayOf(past.receivedAt());
		Complaint complaint = complaints.save(new Complaint(past.trackingNumber(), secrets.encode(past.secretCode()),
				past.filing(), past.receivedAt(), calendar.plusWorkingDays(received, acknowledgeWithin),
				calendar.plusWorkingDays(received, decideWithin)));
		complaints.flush();
		long id = complaint.getId();
		long institutionId = complaint.getInstitutionId();
		String region = complaint.getRegionCode();
		String summary = past.trackingNumber() + " "
				+ institutions.findSummary(institutionId).map(InstitutionSummary::name).orElse("");
		events.publishEvent(new ComplaintEvent.ComplaintReceived(id, institutionId, summary, region, Actor.PUBLIC,
				past.receivedAt()));
		if (past.acknowledgedAt() != null) {
			complaint.acknowledge(regulator.username(), past.acknowledgedAt());
			events.publishEvent(new ComplaintEvent.ComplaintAcknowledged(id, institutionId, summary, region,
					regulator.actor(), past.acknowledgedAt()));
		}
		if (past.statementAskedAt() != null) {
			complaint.requestStatement(past.statementQuestion(), past.statementDue(), regulator.username(),
					past.statementAskedAt());
			events.publishEvent(new ComplaintEvent.ComplaintStatementRequested(id, institutionId, summary, region,
					past.statementDue(), regulator.actor(), past.statementAskedAt()));
		}
		if (past.statementGivenAt() != null) {
			complaint.giveStatement(past.statement(), clinic.username(), past.statementGivenAt());
			events.publishEvent(new ComplaintEvent.ComplaintStatementGiven(id, institutionId, summary, region,
					clinic.actor(), past.statementGivenAt()));
		}
		if (past.decidedAt() != null) {
			complaint.decide(past.outcome(), past.publicAnswer(), past.referredTo(), null, FollowUp.NONE,
					regulator.username(), past.decidedAt());
			events.publishEvent(new ComplaintEvent.ComplaintDecided(id, institutionId, summary, region, past.outcome(),
					FollowUp.NONE, regulator.actor(), past.decidedAt()));
		}
		complaints.flush();
		return id;
	}

}
