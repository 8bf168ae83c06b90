package cn.meizhi.directory;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import cn.meizhi.shared.Formats;

import org.springframework.context.MessageSource;
import org.springframework.web.util.UriUtils;

/**
 * One result of the directory page as it is shown: links and labels resolved in the reader's language;
 * the rating block is drawn by the template ({@code directory/_status :: rating}).
 *
 * @param href the institution's profile
 * @param name registered name
 * @param typeLabel the institution type in words
 * @param regionName the district
 * @param status where its rating stands
 * @param stars the stars of its current rating (0 when never rated)
 * @param validUntil "valid until …" for a valid certificate, otherwise null
 * @param verifyHref the certificate's verification page, or null
 * @param certificateNo the certificate's number, or null
 */
public record ResultCard(String href, String name, String typeLabel, String regionName, DirectoryStatus status,
		int stars, String validUntil, String verifyHref, String certificateNo) {

	static ResultCard of(Listing listing, String contextPath, Locale locale, MessageSource messages, Formats formats) {
		boolean showCertificate = listing.certificateNo() != null && listing.certified();
		return new ResultCard(contextPath + "/institutions/" + listing.id(), listing.name(),
				messages.getMessage("institution.type." + listing.type().name(), null, locale), listing.regionName(),
				listing.ratingStatus(), listing.stars() == null ? 0 : listing.stars(),
				showCertificate ? messages.getMessage("directory.validUntil",
						new Object[] { formats.date(listing.validUntil()) }, locale) : null,
				showCertificate ? contextPath + "/verify/"
						+ UriUtils.encodePathSegment(listing.certificateNo(), StandardCharsets.UTF_8) : null,
				showCertificate ? listing.certificateNo() : null);
	}

}
