package cn.meizhi.directory.internal;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import cn.meizhi.complaint.ComplaintCategory;
import cn.meizhi.complaint.ComplaintOutcome;
import cn.meizhi.complaint.ComplaintRecord;
import cn.meizhi.enforcement.Penalties;
import cn.meizhi.institution.Department;
import cn.meizhi.institution.PublicInstitution;
import cn.meizhi.rating.PublicRating;
import cn.meizhi.rating.StarsChange;
import cn.meizhi.shared.InstitutionType;
import cn.meizhi.shared.NotFoundException;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.data.domain.Page;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open data (开放数据): the directory as JSON and CSV, read-only, for anyone, CORS open for
 * GET. Ids are stable for the life of an institution, so {@code /api/public/changes} lets
 * a consumer keep a copy in sync without downloading everything again.
 */
@RestController
@Tag(name = "Open data", description = "The public directory of medical-aesthetics institutions and their star ratings")
class OpenDataController {

	static final int MAX_CHANGES = 5000;

	private final PublicDirectory directory;

	OpenDataController(PublicDirectory directory) {
		this.directory = directory;
	}

	@GetMapping(path = "/api/public/institutions", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Search institutions",
			description = "Name fragment (Chinese substrings work) or credit code in q; "
					+ "region is a GB/T 2260 code (province, city or district); minStars counts valid certificates only. "
					+ "size is at most 100.")
	PageResponse<Listing> institutions(@RequestParam(required = false) String q,
			@RequestParam(required = false) String region, @RequestParam(required = false) Integer minStars,
			@RequestParam(required = false) InstitutionType type, @RequestParam(required = false) Department department,
			@RequestParam(required = false) Boolean certifiedOnly, @RequestParam(required = false) String sort,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Locale locale) {
		DirectoryQuery query = DirectoryQuery.of(q, region, minStars, type, department, certifiedOnly, sort, page,
				size);
		return PageResponse.of(directory.search(query, locale));
	}

	@GetMapping(path = "/api/public/institutions/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "An institution's public profile with its current rating and published rating history")
	ProfileResponse institution(@PathVariable long id, Locale locale) {
		return directory.profileWithResults(id, locale)
			.map(ProfileResponse::of)
			.orElseThrow(() -> new NotFoundException("Institution", id));
	}

	@GetMapping(path = "/api/public/institutions.csv", produces = "text/csv;charset=UTF-8")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "CSV with a header row",
			content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/csv",
					schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string")))
	@Operation(
			summary = "The same search as CSV (UTF-8 with a byte-order mark, so that Excel shows Chinese), without paging")
	void institutionsCsv(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
			@RequestParam(required = false) Integer minStars, @RequestParam(required = false) InstitutionType type,
			@RequestParam(required = false) Department department,
			@RequestParam(required = false) Boolean certifiedOnly, @RequestParam(required = false) String sort,
			Locale locale, HttpServletResponse response) throws IOException {
		DirectoryQuery query = DirectoryQuery.of(q, region, minStars, type, department, certifiedOnly, sort, 0,
				DirectoryQuery.MAX_SIZE);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition",
				ContentDisposition.attachment().filename("meizhi-institutions.csv").build().toString());
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		CSVPrinter csv = CSVFormat.DEFAULT.builder()
			.setHeader("id", "name", "creditCode", "type", "regionCode", "regionName", "stars", "ratingStatus",
					"certificateNo", "validUntil", "complaintsDecided12m", "complaintsUpheld12m")
			.get()
			.print(writer);
		directory.export(query, locale, (listing, complaints) -> {
			try {
				csv.printRecord(listing.id(), listing.name(), listing.creditCode(), listing.type(),
						listing.regionCode(), listing.regionName(), listing.stars(), listing.ratingStatus(),
						listing.certificateNo(), listing.validUntil(), complaints.decided(), complaints.upheld());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		csv.flush();
	}

	@GetMapping(path = "/api/public/changes", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Institutions whose public data or rating changed after an instant, oldest first",
			description = "Ask again with since = next until a response has no next.")
	ChangesResponse changes(
			@Parameter(description = "ISO-8601 instant, e.g. 2026-01-01T00:00:00Z") @RequestParam String since,
			@RequestParam(required = false) Integer limit) {
		Instant from;
		try {
			from = Instant.parse(since.strip());
		}
		catch (DateTimeParseException ex) {
			throw new BadQueryException("directory.bad.since");
		}
		int max = limit == null ? 1000 : limit;
		if (max < 1 || max > MAX_CHANGES) {
			throw new BadQueryException("directory.bad.limit", MAX_CHANGES);
		}
		List<PublicDirectory.Change> changes = directory.changesSince(from, max);
		Instant next = changes.size() == max ? changes.get(changes.size() - 1).at() : null;
		return new ChangesResponse(from, changes, next);
	}

	/**
	 * A page of results: {@code {"content": [...], "page": {"size", "number",
	 * "totalElements", "totalPages"}}}.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record PageResponse<T>(List<T> content, PageMetadata page) {

		static <T> PageResponse<T> of(Page<T> page) {
			return new PageResponse<>(page.getContent(),
					new PageMetadata(page.getSize(), page.getNumber(), page.getTotalElements(), page.getTotalPages()));
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record PageMetadata(int size, int number, long totalElements, int totalPages) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ChangesResponse(Instant since, List<PublicDirectory.Change> changes, Instant next) {
	}

	/** An institution's public profile as JSON. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ProfileResponse(long id, String name, String creditCode, boolean creditCodeException, String licenceNumber,
			InstitutionType type, String hospitalGrade, List<Department> departments, int surgeryLevel,
			List<String> certifications, String regionCode, String regionName, String address, String phone,
			String website, String institutionStatus, DirectoryStatus ratingStatus, CurrentRating currentRating,
			List<HistoryEntry> ratingHistory, ComplaintCounts complaints, List<Penalties.PublicPenalty> penalties,
			List<cn.meizhi.practitioner.PractitionerRegister.PublicPractitioner> practitioners) {

		static ProfileResponse of(PublicDirectory.Profile p) {
			PublicInstitution i = p.institution();
			CurrentRating current = p.current() == null ? null : new CurrentRating(p.current().getStars(),
					p.current().getCertificateNo(), p.current().getValidFrom(), p.current().getValidUntil(),
					p.current().getTotal(),
					new StandardRef(p.version().getId(), p.version().getStandard().getName(), p.version().getLabel()),
					p.sections()
						.stream()
						.filter(s -> s.counts())
						.map(s -> new SectionTotal(s.code(), p.sectionNames().get(s.code()), s.percent()))
						.toList(),
					p.reply(), p.current().getStarsChange(),
					p.indicators()
						.stream()
						.map(ir -> new IndicatorEntry(ir.sectionCode(), ir.code(), ir.title(), ir.core(), ir.result(),
								ir.publicFinding()))
						.toList());
			return new ProfileResponse(i.getId(), i.getName(), i.getCreditCode(), i.isCreditCodeException(),
					i.getLicenceNumber(), i.getType(),
					i.getHospitalGrade() == null ? null : i.getHospitalGrade().name(),
					List.copyOf(i.getDepartmentsInOrder()), i.getSurgeryLevel(), i.getCertificationList(),
					i.getRegionCode(), p.regionPath(), i.getAddress(), i.getPhone(), i.getWebsite(),
					i.getStatus().name(), p.status(), current, p.history().stream().map(HistoryEntry::of).toList(),
					ComplaintCounts.of(p.complaints()), p.penalties(), p.practitioners());
		}

	}

	/**
	 * Complaints against the institution decided since a day (twelve months back), by
	 * outcome and by category: counts only, never a complaint's text.
	 */
	record ComplaintCounts(LocalDate since, long decided, long upheld, java.util.Map<ComplaintOutcome, Long> byOutcome,
			java.util.Map<ComplaintCategory, Long> byCategory) {

		static ComplaintCounts of(ComplaintRecord.PublicCounts counts) {
			return new ComplaintCounts(counts.since(), counts.decided(), counts.upheld(), counts.byOutcome(),
					counts.byCategory());
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CurrentRating(int stars, String certificateNo, LocalDate validFrom, LocalDate validUntil, BigDecimal total,
			StandardRef standard, List<SectionTotal> sections, String institutionReply, StarsChange starsChange,
			List<IndicatorEntry> indicators) {
	}

	/**
	 * An indicator's result in the current rating: MET, PARTLY_MET, NOT_MET,
	 * NOT_APPLICABLE or NOT_SCORED; the finding only when the regulator made it public.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record IndicatorEntry(String section, String code, String title, boolean core,
			cn.meizhi.inspection.IndicatorResult.Result result, String finding) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record StandardRef(long versionId, String name, String version) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record SectionTotal(String code, String name, BigDecimal percent) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record HistoryEntry(String certificateNo, int stars, String status, LocalDate validFrom, LocalDate validUntil) {

		static HistoryEntry of(PublicRating rating) {
			return new HistoryEntry(rating.getCertificateNo(), rating.getStars(), rating.getStatus().name(),
					rating.getValidFrom(), rating.getValidUntil());
		}

	}

}
