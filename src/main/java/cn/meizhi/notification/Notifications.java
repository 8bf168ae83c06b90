package cn.meizhi.notification;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.meizhi.complaint.ComplaintEvent.ComplaintStatementRequested;
import cn.meizhi.notification.internal.Notification;
import cn.meizhi.notification.internal.NotificationRepository;
import cn.meizhi.rating.RatingEvent;
import cn.meizhi.rating.RatingEvent.RatingAppealAdjusted;
import cn.meizhi.rating.RatingEvent.RatingAppealDismissed;
import cn.meizhi.rating.RatingEvent.RatingExpired;
import cn.meizhi.rating.RatingEvent.RatingProposed;
import cn.meizhi.rating.RatingEvent.RatingPublished;
import cn.meizhi.rating.RatingEvent.RatingPutOnNotice;
import cn.meizhi.rating.RatingEvent.RatingReinstated;
import cn.meizhi.rating.RatingEvent.RatingReplyPublished;
import cn.meizhi.rating.RatingEvent.RatingReplyRejected;
import cn.meizhi.rating.RatingEvent.RatingRevoked;
import cn.meizhi.rating.RatingEvent.RatingSentToReinspection;
import cn.meizhi.rating.RatingEvent.RatingSuspended;
import cn.meizhi.rating.RatingEvent.RatingWithdrawnAfterObjection;
import cn.meizhi.rating.RatingsExpired;
import cn.meizhi.selfassessment.SelfAssessmentEvent.SelfAssessmentReturned;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FieldChange;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.shared.Role;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a notification for the rated institution whenever something happens to its
 * rating or self-assessment that its staff should know about, and lets them read them.
 * Staff of one institution never see another's.
 * <p>
 * A single change is told after its commit, in a transaction of its own
 * ({@link ApplicationModuleListener}): the event waits in the publication registry until
 * the notification is written, and a failure is retried, never lost, and never undoes the
 * change. The night's expiry is told in the job's own transaction: its 86,000 events are
 * written with one statement, and a failed night is run again as a whole.
 */
@Service
@Transactional(readOnly = true)
public class Notifications {

	/** Rating events the institution is told about. */
	static final Set<Class<? extends RatingEvent>> TOLD = Set.of(RatingProposed.class, RatingAppealDismissed.class,
			RatingAppealAdjusted.class, RatingSentToReinspection.class, RatingPublished.class, RatingSuspended.class,
			RatingReinstated.class, RatingRevoked.class, RatingExpired.class, RatingReplyPublished.class,
			RatingReplyRejected.class, RatingPutOnNotice.class, RatingWithdrawnAfterObjection.class);

	private final NotificationRepository notifications;

	private final Clock clock;

	private final JdbcClient jdbc;

	Notifications(NotificationRepository notifications, Clock clock, JdbcClient jdbc) {
		this.notifications = notifications;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(RatingEvent event) {
		notificationOf(event).ifPresent(notifications::save);
	}

	/**
	 * A regulator returned the institution's self-assessment: it is editable again, and
	 * the reason says why.
	 */
	@ApplicationModuleListener
	void on(SelfAssessmentReturned event) {
		String reason = reasonOf(event.changes());
		notifications.save(new Notification(event.institutionId(), event.action(), reason,
				"/clinic/cycles/" + event.cycleId() + "/self-assessment", event.occurredAt()));
	}

	/**
	 * A regulator asks the institution for a statement on a complaint: what to explain,
	 * and by when. Never who complained.
	 */
	@ApplicationModuleListener
	void on(ComplaintStatementRequested event) {
		notifications.save(new Notification(event.institutionId(), event.action(), event.due().toString(),
				"/clinic/complaints#complaint-" + event.complaintId(), event.occurredAt()));
	}

	/**
	 * A regulator returned a period's quality-measure report: editable again, and the
	 * reason says why.
	 */
	@ApplicationModuleListener
	void on(cn.meizhi.qualitymeasure.MeasureReportEvent.MeasureReportReturned event) {
		notifications.save(new Notification(event.institutionId(), event.action(), event.reason(),
				"/clinic/quality-measures/" + event.period(), event.occurredAt()));
	}

	/**
	 * The institutions that did not submit a period by its due day, one notification
	 * each, written with one statement in the reminder job's transaction.
	 */
	@EventListener
	@Transactional
	void on(cn.meizhi.qualitymeasure.MeasureReportsOverdue overdue) {
		insertAll(overdue.institutionIds()
			.stream()
			.map(id -> new Notification(id, "MEASURE_REPORT_OVERDUE", overdue.period() + " " + overdue.due(),
					"/clinic/quality-measures/" + overdue.period(), overdue.occurredAt()))
			.toList());
	}

	/**
	 * The nightly expiry's notifications, one per expired rating, written with one
	 * statement (ids from the same sequence as the entity's, unique but not consecutive).
	 */
	@EventListener
	@Transactional
	void on(RatingsExpired expired) {
		List<Notification> written = expired.events()
			.stream()
			.flatMap(event -> notificationOf(event).stream())
			.toList();
		insertAll(written);
	}

	private void insertAll(List<Notification> written) {
		if (written.isEmpty()) {
			return;
		}
		jdbc.sql("""
				insert into notification (id, institution_id, kind, detail, link, created_at)
				select nextval('notification_id_seq'), n.*
				from unnest(cast(:institutionId as bigint[]), cast(:kind as text[]), cast(:detail as text[]),
				    cast(:link as text[]), cast(:createdAt as timestamptz[])) as n
				""")
			.param("institutionId", written.stream().map(Notification::getInstitutionId).toArray(Long[]::new))
			.param("kind", written.stream().map(Notification::getKind).toArray(String[]::new))
			.param("detail", written.stream().map(Notification::getDetail).toArray(String[]::new))
			.param("link", written.stream().map(Notification::getLink).toArray(String[]::new))
			.param("createdAt", written.stream().map(n -> n.getCreatedAt().toString()).toArray(String[]::new))
			.update();
	}

	/** What the rated institution is told, if anything. */
	private static Optional<Notification> notificationOf(RatingEvent event) {
		if (!TOLD.contains(event.getClass())) {
			return Optional.empty();
		}
		String detail = reasonOf(event.changes());
		return Optional.of(new Notification(event.institutionId(), event.action(), detail,
				"/clinic/ratings/" + event.ratingId(), event.occurredAt()));
	}

	/** The reason recorded with a change, if any. */
	private static String reasonOf(List<FieldChange> changes) {
		return changes.stream()
			.filter(change -> change.field().equals("reason"))
			.map(FieldChange::to)
			.findFirst()
			.orElse(null);
	}

	/** The clinic's notifications, newest first. */
	public Page<Notification> of(CurrentUser clinic, Pageable page) {
		return notifications.findByInstitutionIdOrderByCreatedAtDescIdDesc(institution(clinic), page);
	}

	public long unread(CurrentUser user) {
		return user.is(Role.CLINIC) && user.institutionId() != null
				? notifications.countByInstitutionIdAndReadAtIsNull(user.institutionId()) : 0;
	}

	/** Marks one of the clinic's notifications read and answers where it points. */
	@Transactional
	public String open(CurrentUser clinic, long id) {
		Notification notification = notifications.findById(id)
			.filter(n -> n.getInstitutionId().equals(institution(clinic)))
			.orElseThrow(() -> new NotFoundException("Notification", id));
		notification.markRead(clock.instant());
		return notification.getLink();
	}

	@Transactional
	public int markAllRead(CurrentUser clinic) {
		return notifications.markAllRead(institution(clinic), clock.instant());
	}

	private static long institution(CurrentUser user) {
		if (!user.is(Role.CLINIC) || user.institutionId() == null) {
			throw new NotFoundException("Notification", user.username());
		}
		return user.institutionId();
	}

}
