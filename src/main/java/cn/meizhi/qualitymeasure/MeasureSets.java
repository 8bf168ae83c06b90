package cn.meizhi.qualitymeasure;

import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.meizhi.qualitymeasure.internal.MeasureSetRepository;
import cn.meizhi.qualitymeasure.internal.QualityMeasureRepository;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.NotFoundException;
import cn.meizhi.shared.Role;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quality-control measure sets and their rules: regulators and administrators (the
 * quality-control centre) import a draft from JSON — every problem named by where it is,
 * nothing saved when there is one — publish it (the set published before retires), retire
 * it, and export any version as JSON that imports again. A set's measures never change
 * after import.
 */
@Service
@Transactional(readOnly = true)
public class MeasureSets {

	/** A missing {@code example} or {@code disclosed} reads as false. */
	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private final MeasureSetRepository sets;

	private final QualityMeasureRepository measures;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final cn.meizhi.shared.Formats formats;

	MeasureSets(MeasureSetRepository sets, QualityMeasureRepository measures, ApplicationEventPublisher events,
			Clock clock, cn.meizhi.shared.Formats formats) {
		this.formats = formats;
		this.sets = sets;
		this.measures = measures;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * What an import did: the new draft, or the problems (message key|argument, each
	 * naming the measure by its place and code).
	 */
	public record ImportResult(MeasureSet set, List<String> problems) {

		public boolean succeeded() {
			return set != null;
		}

	}

	/** The published set, if any. */
	public Optional<MeasureSet> published() {
		return sets.findByStatus(MeasureSetStatus.PUBLISHED);
	}

	public List<MeasureSet> versions(CurrentUser user) {
		requireAuthor(user);
		return sets.findAllByOrderByIdDesc();
	}

	public MeasureSet version(CurrentUser user, long id) {
		requireAuthor(user);
		return sets.findById(id).orElseThrow(() -> new NotFoundException("Measure set", id));
	}

	MeasureSet find(long id) {
		return sets.findById(id).orElseThrow(() -> new NotFoundException("Measure set", id));
	}

	public List<QualityMeasure> measures(long setId) {
		return measures.findBySetIdOrderByPosition(setId);
	}

	@Transactional
	public ImportResult importJson(CurrentUser user, InputStream json) {
		requireAuthor(user);
		MeasureSetJson set;
		try {
			set = JSON.readValue(json, MeasureSetJson.class);
		}
		catch (JacksonException ex) {
			return new ImportResult(null, List.of("measureSet.import.unreadable|" + ex.getOriginalMessage()));
		}
		List<String> problems = check(set);
		if (!problems.isEmpty()) {
			return new ImportResult(null, problems);
		}
		MeasureSet draft = sets.saveAndFlush(new MeasureSet(set.label().strip(), set.example(),
				set.reportingFrom() != null ? set.reportingFrom()
						: java.time.LocalDate.ofInstant(clock.instant(), formats.zone()),
				clock.instant(), user.username()));
		for (int i = 0; i < set.measures().size(); i++) {
			measures.save(new QualityMeasure(draft.getId(), i + 1, set.measures().get(i)));
		}
		measures.flush();
		events.publishEvent(
				new MeasureSetEvent.MeasureSetImported(draft.getId(), draft.getLabel(), user.actor(), clock.instant()));
		return new ImportResult(draft, List.of());
	}

	/** A version as JSON, importable again. */
	public MeasureSetJson export(CurrentUser user, long id) {
		MeasureSet set = version(user, id);
		return new MeasureSetJson(set.getLabel(), set.isExample(), set.getReportingFrom(),
				measures(id).stream().map(QualityMeasure::toJson).toList());
	}

	public static byte[] toJson(MeasureSetJson set) {
		return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(set);
	}

	/** Publishes a draft; the set published before it retires. */
	@Transactional
	public void publish(CurrentUser user, long id) {
		MeasureSet draft = version(user, id);
		if (draft.getStatus() != MeasureSetStatus.DRAFT) {
			throw FormRejectedException.of(null, "measureSet.publish.notDraft");
		}
		published().ifPresent(current -> {
			current.retire(clock.instant());
			sets.flush();
		});
		draft.publish(clock.instant());
		sets.flush();
		events
			.publishEvent(new MeasureSetEvent.MeasureSetPublished(id, draft.getLabel(), user.actor(), clock.instant()));
	}

	/** Retires the published set: no set is in force until another is published. */
	@Transactional
	public void retire(CurrentUser user, long id) {
		MeasureSet set = version(user, id);
		set.retire(clock.instant());
		sets.flush();
		events.publishEvent(new MeasureSetEvent.MeasureSetRetired(id, set.getLabel(), user.actor(), clock.instant()));
	}

	/** Every problem of an imported set, as message key|argument strings. */
	static List<String> check(MeasureSetJson set) {
		List<String> problems = new ArrayList<>();
		if (set.label() == null || set.label().isBlank() || set.label().strip().length() > 200) {
			problems.add("measureSet.import.label|");
		}
		if (set.measures() == null || set.measures().isEmpty()) {
			problems.add("measureSet.import.empty|");
			return problems;
		}
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < set.measures().size(); i++) {
			MeasureSetJson.Measure m = set.measures().get(i);
			String where = (i + 1) + " " + (m == null || m.code() == null ? "" : m.code().strip());
			if (m == null) {
				problems.add("measureSet.import.missing|" + where);
				continue;
			}
			if (m.code() == null || !m.code().strip().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,19}")) {
				problems.add("measureSet.import.code|" + where);
			}
			else if (!codes.add(m.code().strip())) {
				problems.add("measureSet.import.duplicateCode|" + where);
			}
			if (blankOrLonger(m.name(), 200) || blankOrLonger(m.nameEn(), 200)) {
				problems.add("measureSet.import.name|" + where);
			}
			if (blankOrLonger(m.definition(), 2000)) {
				problems.add("measureSet.import.definition|" + where);
			}
			if (blankOrLonger(m.numerator(), 1000)) {
				problems.add("measureSet.import.numerator|" + where);
			}
			if (m.unit() == null) {
				problems.add("measureSet.import.unit|" + where);
			}
			else if (m.unit().isRate() == (m.denominator() == null || m.denominator().isBlank())
					|| (m.denominator() != null && m.denominator().strip().length() > 1000)) {
				problems.add((m.unit().isRate() ? "measureSet.import.denominatorNeeded|"
						: "measureSet.import.denominatorUnwanted|") + where);
			}
			if (m.direction() == null) {
				problems.add("measureSet.import.direction|" + where);
			}
			if (m.period() == null) {
				problems.add("measureSet.import.period|" + where);
			}
			if (m.institutionTypes() == null || m.institutionTypes().isEmpty() || m.institutionTypes().contains(null)) {
				problems.add("measureSet.import.types|" + where);
			}
			if (m.min() != null && m.max() != null && m.min().compareTo(m.max()) > 0) {
				problems.add("measureSet.import.range|" + where);
			}
			if (m.unit() == MeasureUnit.RATE_PERCENT && m.max() != null
					&& m.max().compareTo(java.math.BigDecimal.valueOf(100)) > 0) {
				problems.add("measureSet.import.percentAbove100|" + where);
			}
		}
		return problems;
	}

	private static boolean blankOrLonger(String text, int max) {
		return text == null || text.isBlank() || text.strip().length() > max;
	}

	private static void requireAuthor(CurrentUser user) {
		if (!user.is(Role.REGULATOR) && !user.is(Role.ADMIN)) {
			throw new NotFoundException("Measure set", user.username());
		}
	}

}
