package cn.meizhi.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.meizhi.calendar.WorkingCalendar;
import cn.meizhi.complaint.internal.ComplaintRepository;
import cn.meizhi.shared.Formats;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one rule for what the public learns of complaints: how many against an institution
 * were decided in the last twelve months, by outcome and by category. Never a name, a
 * text or a single complaint's dates. The profile page, the JSON API and the CSV all ask
 * here.
 */
@Service
@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
public class ComplaintRecord {

	/** How far back the public counts reach. */
	public static final int MONTHS = 12;

	private final ComplaintRepository complaints;

	private final WorkingCalendar calendar;

	private final Formats formats;

	ComplaintRecord(ComplaintRepository complaints, WorkingCalendar calendar, Formats formats) {
		this.complaints = complaints;
		this.calendar = calendar;
		this.formats = formats;
	}

	/**
	 * Complaints decided since a day, counted by outcome and by category (every outcome
	 * and category present, zero where none).
	 */
	public record PublicCounts(LocalDate since, long decided, Map<ComplaintOutcome, Long> byOutcome,
			Map<ComplaintCategory, Long> byCategory) {

		/** Decided as substantiated in full or in part. */
		public long upheld() {
			return byOutcome.get(ComplaintOutcome.SUBSTANTIATED) + byOutcome.get(ComplaintOutcome.PARTLY_SUBSTANTIATED);
		}

	}

	/** The counts of one institution. */
	public PublicCounts of(long institutionId) {
		return of(List.of(institutionId)).get(institutionId);
	}

	/** The counts of several institutions in one query (every id present). */
	public Map<Long, PublicCounts> of(Collection<Long> institutionIds) {
		LocalDate since = calendar.today().minusMonths(MONTHS);
		Instant from = since.atStartOfDay(formats.zone()).toInstant();
		Map<Long, Map<ComplaintOutcome, Long>> outcomes = new HashMap<>();
		Map<Long, Map<ComplaintCategory, Long>> categories = new HashMap<>();
		for (Long id : institutionIds) {
			outcomes.put(id, zeros(ComplaintOutcome.class));
			categories.put(id, zeros(ComplaintCategory.class));
		}
		if (!institutionIds.isEmpty()) {
			List<Object[]> rows = institutionIds.size() == 1
					? complaints.countDecidedSince(institutionIds.iterator().next(), from)
					: complaints.countDecidedSince(institutionIds, from);
			for (Object[] row : rows) {
				long id = ((Number) row[0]).longValue();
				long count = ((Number) row[3]).longValue();
				outcomes.get(id).merge((ComplaintOutcome) row[1], count, Long::sum);
				categories.get(id).merge((ComplaintCategory) row[2], count, Long::sum);
			}
		}
		Map<Long, PublicCounts> counts = new HashMap<>();
		for (Long id : institutionIds) {
			long total = outcomes.get(id).values().stream().mapToLong(Long::longValue).sum();
			counts.put(id, new PublicCounts(since, total, java.util.Collections.unmodifiableMap(outcomes.get(id)),
					java.util.Collections.unmodifiableMap(categories.get(id))));
		}
		return counts;
	}

	private static <E extends Enum<E>> Map<E, Long> zeros(Class<E> type) {
		Map<E, Long> map = new EnumMap<>(type);
		for (E value : type.getEnumConstants()) {
			map.put(value, 0L);
		}
		return map;
	}

}
