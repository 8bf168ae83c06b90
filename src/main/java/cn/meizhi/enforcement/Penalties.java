package cn.meizhi.enforcement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import cn.meizhi.enforcement.internal.PenaltyRepository;
import cn.meizhi.institution.Institution;
import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.Formats;
import cn.meizhi.shared.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enforcement record. A regulator records the penalties decided against institutions
 * of the jurisdiction; an order to stop practising (责令停业整顿) suspends the institution and
 * a revoked licence closes it, through the register's own status rules, in the same
 * transaction. The public sees the decisions of the last {@link #PUBLIC_YEARS} years.
 */
@Service
@Transactional(readOnly = true)
public class Penalties {

	/** How many years back the public profile lists penalties. */
	public static final int PUBLIC_YEARS = 3;

	private static final BigDecimal MAX_FINE = new BigDecimal("100000000000");

	private final PenaltyRepository penalties;

	private final InstitutionManagement institutions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Formats formats;

	Penalties(PenaltyRepository penalties, InstitutionManagement institutions, ApplicationEventPublisher events,
			Clock clock, Formats formats) {
		this.penalties = penalties;
		this.institutions = institutions;
		this.events = events;
		this.clock = clock;
		this.formats = formats;
	}

	/** A penalty as the public reads it. */
	public record PublicPenalty(String decisionNumber, LocalDate decidedOn, String legalBasis, String finding,
			PenaltyMeasure measure, BigDecimal fineYuan, String publicationUrl) {

		static PublicPenalty of(Penalty p) {
			return new PublicPenalty(p.getDecisionNumber(), p.getDecidedOn(), p.getLegalBasis(), p.getFinding(),
					p.getMeasure(), p.getFineYuan(), p.getPublicationUrl());
		}

	}

	/**
	 * The one rule for the public: the decisions of the last three years, newest first.
	 */
	public List<PublicPenalty> publicRecord(long institutionId) {
		return penalties
			.findByInstitutionIdAndDecidedOnGreaterThanEqualOrderByDecidedOnDescIdDesc(institutionId,
					today().minusYears(PUBLIC_YEARS))
			.stream()
			.map(PublicPenalty::of)
			.toList();
	}

	/** Every penalty of an institution the regulator may see, newest first. */
	public List<Penalty> ofInstitution(CurrentUser regulator, long institutionId) {
		institutions.get(regulator, institutionId);
		return penalties.findByInstitutionIdOrderByDecidedOnDescIdDesc(institutionId);
	}

	/** A page of the jurisdiction's penalties, newest decision first. */
	public Page<Penalty> list(CurrentUser regulator, int page) {
		requireRegulator(regulator);
		return penalties.findWithinPrefix(regulator.jurisdiction().prefix(),
				PageRequest.of(Math.max(0, page), 25, Sort.by(Sort.Order.desc("decidedOn"), Sort.Order.desc("id"))));
	}

	/** The institutions' names, for a page of penalties. */
	public java.util.Map<Long, String> institutionNames(java.util.Collection<Penalty> list) {
		return institutions.names(list.stream().map(Penalty::getInstitutionId).toList());
	}

	/** The reasons a penalty form cannot be recorded, field by field. */
	public FormRejectedException.Collector check(CurrentUser regulator, PenaltyForm form) {
		requireRegulator(regulator);
		var problems = new FormRejectedException.Collector();
		if (form.getInstitutionId() == null) {
			problems.reject("institutionId", "penalty.institution.required");
		}
		else {
			institutions.get(regulator, form.getInstitutionId());
		}
		String number = form.getDecisionNumber() == null ? "" : form.getDecisionNumber().strip();
		if (number.isEmpty()) {
			problems.reject("decisionNumber", "penalty.decisionNumber.required");
		}
		else if (number.length() > 100) {
			problems.reject("decisionNumber", "penalty.tooLong", 100);
		}
		else if (penalties.existsByDecisionNumber(number)) {
			problems.reject("decisionNumber", "penalty.decisionNumber.taken");
		}
		if (form.getDecidedOn() == null) {
			problems.reject("decidedOn", "penalty.decidedOn.required");
		}
		else if (form.getDecidedOn().isAfter(today())) {
			problems.reject("decidedOn", "penalty.decidedOn.future");
		}
		requireText(problems, "legalBasis", form.getLegalBasis(), 1000);
		requireText(problems, "finding", form.getFinding(), 4000);
		if (form.getMeasure() == null) {
			problems.reject("measure", "penalty.measure.required");
		}
		if (form.getMeasure() == PenaltyMeasure.FINE) {
			if (form.getFineYuan() == null || form.getFineYuan().signum() <= 0) {
				problems.reject("fineYuan", "penalty.fine.required");
			}
			else if (form.getFineYuan().compareTo(MAX_FINE) >= 0 || form.getFineYuan().scale() > 2) {
				problems.reject("fineYuan", "penalty.fine.invalid");
			}
		}
		String url = form.getPublicationUrl() == null ? "" : form.getPublicationUrl().strip();
		if (!url.isEmpty() && (url.length() > 500 || !url.matches("https?://\\S+"))) {
			problems.reject("publicationUrl", "penalty.publicationUrl.invalid");
		}
		return problems;
	}

	/**
	 * Records a penalty decision; a measure that stops the institution changes its
	 * status.
	 * @throws FormRejectedException with the reasons of {@link #check}
	 */
	@Transactional
	public Penalty record(CurrentUser regulator, PenaltyForm form) {
		check(regulator, form).throwIfAny();
		Institution institution = institutions.get(regulator, form.getInstitutionId());
		Penalty penalty = penalties.saveAndFlush(new Penalty(institution.getId(), institution.getRegionCode(), form,
				clock.instant(), regulator.username()));
		events.publishEvent(new PenaltyEvent.PenaltyRecorded(penalty.getId(), institution.getId(),
				penalty.getDecisionNumber() + " " + institution.getName(), institution.getRegionCode(),
				penalty.getMeasure(), regulator.actor(), clock.instant()));
		var stopped = penalty.getMeasure().institutionStatus();
		if (stopped.isPresent() && institution.getStatus().canChangeTo(stopped.get())) {
			institutions.changeStatus(regulator, institution.getId(), stopped.get(),
					"行政处罚决定 " + penalty.getDecisionNumber());
		}
		return penalty;
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), formats.zone());
	}

	private static void requireText(FormRejectedException.Collector problems, String field, String text, int max) {
		String value = text == null ? "" : text.strip();
		if (value.isEmpty()) {
			problems.reject(field, "penalty." + field + ".required");
		}
		else if (value.length() > max) {
			problems.reject(field, "penalty.tooLong", max);
		}
	}

	private static void requireRegulator(CurrentUser user) {
		if (!user.is(Role.REGULATOR)) {
			throw new AccessDeniedException("Only regulators");
		}
	}

}
