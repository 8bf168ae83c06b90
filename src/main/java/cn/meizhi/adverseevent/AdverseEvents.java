package cn.meizhi.adverseevent;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.meizhi.adverseevent.internal.AdverseEventRepository;
import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.institution.InstitutionSummary;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.Formats;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.shared.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adverse events: a clinic reports those of its own institution; the regulator of the
 * jurisdiction sees them by institution, severity and procedure, and reviews each once. A
 * severe one (I–II) shows on the regulator's home until reviewed, and is mailed to the
 * duty address when mail is configured. Nothing here is public.
 */
@Service
@Transactional(readOnly = true)
public class AdverseEvents {

	private final AdverseEventRepository events;

	private final InstitutionManagement institutions;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	private final Formats formats;

	AdverseEvents(AdverseEventRepository events, InstitutionManagement institutions,
			ApplicationEventPublisher publisher, Clock clock, Formats formats) {
		this.events = events;
		this.institutions = institutions;
		this.publisher = publisher;
		this.clock = clock;
		this.formats = formats;
	}

	/** The reasons a report cannot be accepted, field by field. */
	public FormRejectedException.Collector check(AdverseEventForm form) {
		var problems = new FormRejectedException.Collector();
		if (form.getOccurredOn() == null) {
			problems.reject("occurredOn", "adverseEvent.occurredOn.required");
		}
		else if (form.getOccurredOn().isAfter(today())) {
			problems.reject("occurredOn", "adverseEvent.occurredOn.future");
		}
		text(problems, "procedureName", form.getProcedureName(), 200);
		if (form.getSurgeryLevel() != null && (form.getSurgeryLevel() < 1 || form.getSurgeryLevel() > 4)) {
			problems.reject("surgeryLevel", "adverseEvent.surgeryLevel.invalid");
		}
		if (form.getSeverity() == null) {
			problems.reject("severity", "adverseEvent.severity.required");
		}
		text(problems, "description", form.getDescription(), 4000);
		text(problems, "actionsTaken", form.getActionsTaken(), 4000);
		if (form.getPatientOutcome() == null) {
			problems.reject("patientOutcome", "adverseEvent.patientOutcome.required");
		}
		if (form.getPractitioner() != null && form.getPractitioner().strip().length() > 100) {
			problems.reject("practitioner", "adverseEvent.tooLong", 100);
		}
		return problems;
	}

	/**
	 * The clinic reports an adverse event of its own institution.
	 * @throws FormRejectedException with the reasons of {@link #check}
	 */
	@Transactional
	public AdverseEvent report(CurrentUser clinic, AdverseEventForm form) {
		requireRole(clinic, Role.CLINIC);
		InstitutionSummary institution = institutions.findSummary(clinic.institutionId()).orElseThrow();
		check(form).throwIfAny();
		AdverseEvent event = events.saveAndFlush(
				new AdverseEvent(institution.id(), institution.regionCode(), form, clock.instant(), clinic.username()));
		publisher.publishEvent(
				new AdverseEventChange.AdverseEventReported(event.getId(), institution.id(), event.getSeverity(),
						summary(event, institution.name()), institution.regionCode(), clinic.actor(), clock.instant()));
		return event;
	}

	/** The clinic's own reports, newest first. */
	public List<AdverseEvent> reportsOf(CurrentUser clinic) {
		requireRole(clinic, Role.CLINIC);
		return events.findByInstitutionIdOrderByReportedAtDesc(clinic.institutionId());
	}

	/** A page of the jurisdiction's reports, newest first, optionally filtered. */
	public Page<AdverseEvent> list(CurrentUser regulator, EventSeverity severity, Long institutionId, int page) {
		requireRole(regulator, Role.REGULATOR);
		return events.findWithinPrefix(regulator.jurisdiction().prefix(), severity, institutionId,
				PageRequest.of(Math.max(0, page), 25, Sort.by(Sort.Order.desc("reportedAt"), Sort.Order.desc("id"))));
	}

	/** One report of the jurisdiction; 404 for any other. */
	public AdverseEvent get(CurrentUser regulator, long id) {
		requireRole(regulator, Role.REGULATOR);
		return events.findById(id)
			.filter(e -> regulator.reaches(e.getRegionCode()))
			.orElseThrow(() -> new NotFoundException("AdverseEvent", id));
	}

	/** Severe reports (I–II) of the jurisdiction not reviewed yet. */
	public long severeUnreviewed(CurrentUser regulator) {
		requireRole(regulator, Role.REGULATOR);
		return events.countSevereUnreviewed(regulator.jurisdiction().prefix());
	}

	/** An institution's reports by severity, for the per-institution view. */
	public record InstitutionTally(long institutionId, String name, Map<EventSeverity, Long> bySeverity) {

		public long total() {
			return bySeverity.values().stream().mapToLong(Long::longValue).sum();
		}

		public long severe() {
			return bySeverity.get(EventSeverity.I) + bySeverity.get(EventSeverity.II);
		}

	}

	/**
	 * The jurisdiction's institutions that reported, with their counts by severity, the
	 * most severe reporters first.
	 */
	public List<InstitutionTally> byInstitution(CurrentUser regulator) {
		requireRole(regulator, Role.REGULATOR);
		Map<Long, Map<EventSeverity, Long>> counts = new LinkedHashMap<>();
		for (Object[] row : events.countByInstitutionAndSeverity(regulator.jurisdiction().prefix())) {
			counts.computeIfAbsent(((Number) row[0]).longValue(), id -> zeros())
				.merge((EventSeverity) row[1], ((Number) row[2]).longValue(), Long::sum);
		}
		Map<Long, String> names = institutions.names(counts.keySet());
		return counts.entrySet()
			.stream()
			.map(e -> new InstitutionTally(e.getKey(), names.getOrDefault(e.getKey(), ""), e.getValue()))
			.sorted(java.util.Comparator.comparingLong(InstitutionTally::severe)
				.thenComparingLong(InstitutionTally::total)
				.reversed())
			.toList();
	}

	/** The jurisdiction's reports per procedure, the most frequent first. */
	public Map<String, Long> byProcedure(CurrentUser regulator) {
		requireRole(regulator, Role.REGULATOR);
		Map<String, Long> counts = new LinkedHashMap<>();
		events.countByProcedure(regulator.jurisdiction().prefix())
			.forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
		return counts;
	}

	/** The regulator reviews a report once, and may flag an unannounced inspection. */
	@Transactional
	public void review(CurrentUser regulator, long id, String note, boolean flagInspection) {
		AdverseEvent event = get(regulator, id);
		String text = note == null ? "" : note.strip();
		if (text.isEmpty()) {
			throw FormRejectedException.of("note", "adverseEvent.note.required");
		}
		if (text.length() > 2000) {
			throw FormRejectedException.of("note", "adverseEvent.tooLong", 2000);
		}
		event.review(text, flagInspection, regulator.username(), clock.instant());
		events.flush();
		publisher.publishEvent(new AdverseEventChange.AdverseEventReviewed(id, event.getInstitutionId(), flagInspection,
				summary(event,
						institutions.names(List.of(event.getInstitutionId()))
							.getOrDefault(event.getInstitutionId(), "")),
				event.getRegionCode(), regulator.actor(), clock.instant()));
	}

	/** The institutions' names, for a page of reports. */
	public Map<Long, String> institutionNames(java.util.Collection<AdverseEvent> list) {
		return institutions.names(list.stream().map(AdverseEvent::getInstitutionId).toList());
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), formats.zone());
	}

	private static String summary(AdverseEvent event, String institutionName) {
		return event.getSeverity() + "级 " + event.getProcedureName() + " " + institutionName;
	}

	private static Map<EventSeverity, Long> zeros() {
		Map<EventSeverity, Long> map = new EnumMap<>(EventSeverity.class);
		for (EventSeverity severity : EventSeverity.values()) {
			map.put(severity, 0L);
		}
		return map;
	}

	private static void text(FormRejectedException.Collector problems, String field, String value, int max) {
		String text = value == null ? "" : value.strip();
		if (text.isEmpty()) {
			problems.reject(field, "adverseEvent." + field + ".required");
		}
		else if (text.length() > max) {
			problems.reject(field, "adverseEvent.tooLong", max);
		}
	}

	private static void requireRole(CurrentUser user, Role role) {
		if (!user.is(role)) {
			throw new AccessDeniedException("Only " + role);
		}
	}

}
