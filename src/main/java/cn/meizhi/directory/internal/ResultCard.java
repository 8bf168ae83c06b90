package cn.meizhi.directory.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import cn.meizhi.shared.Formats;

import org.springframework.context.MessageSource;
import org.springframework.web.util.UriUtils;

/**
 * One result of the directory page as it is shown: links and words resolved in the
 * reader's language, so that the template only writes them out (twenty of these per page;
 * the rating block used to be two fragment inclusions and five message lookups per
 * result).
 *
 * @param href the institution's profile
 * @param name registered name
 * @param place the institution type in words and its district ("医疗美容诊所 · 上城区")
 * @param certified whether it holds a valid certificate (then the stars show, else the
 * status in words)
 * @param starsLabel the stars in words, for screen readers ("4 星")
 * @param starsOn the filled stars
 * @param starsOff the empty stars
 * @param statusClass the status badge's colour class
 * @param statusLabel the status in words (when not certified)
 * @param statusExplain what the status means (when not certified)
 * @param validUntil "valid until …" for a valid certificate, otherwise null
 * @param verifyHref the certificate's verification page, or null
 * @param certificateNo the certificate's number, or null
 */
public record ResultCard(String href, String name, String place, boolean certified, String starsLabel, String starsOn,
		String starsOff, String statusClass, String statusLabel, String statusExplain, String validUntil,
		String verifyHref, String certificateNo) {

	static ResultCard of(Listing listing, String contextPath, Locale locale, MessageSource messages, Formats formats) {
		boolean certified = listing.certified();
		boolean showCertificate = listing.certificateNo() != null && certified;
		int stars = listing.stars() == null ? 0 : listing.stars();
		String status = listing.ratingStatus().name();
		return new ResultCard(contextPath + "/institutions/" + listing.id(), listing.name(),
				messages.getMessage("institution.type." + listing.type().name(), null, locale) + " · "
						+ listing.regionName(),
				certified,
				stars > 0 ? messages.getMessage("stars.label", new Object[] { stars }, locale)
						: messages.getMessage("stars.notRated", null, locale),
				"★".repeat(stars), "☆".repeat(5 - stars), "mz-directory-" + status,
				certified ? null : messages.getMessage("directory.status." + status, null, locale),
				certified ? null : messages.getMessage("directory.status." + status + ".explain", null, locale),
				showCertificate ? messages.getMessage("directory.validUntil",
						new Object[] { formats.date(listing.validUntil()) }, locale) : null,
				showCertificate ? contextPath + "/verify/"
						+ UriUtils.encodePathSegment(listing.certificateNo(), StandardCharsets.UTF_8) : null,
				showCertificate ? listing.certificateNo() : null);
	}

}
