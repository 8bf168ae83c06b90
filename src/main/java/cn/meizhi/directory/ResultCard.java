package cn.meizhi.directory;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import cn.meizhi.shared.Formats;

import org.springframework.context.MessageSource;
import org.springframework.web.util.UriUtils;

/**
 * One result of the directory page as it is shown: links, labels and the rating block already resolved in
 * the reader's language. Twenty of these make a page; resolving them here instead of with a dozen template
 * expressions each (links, message keys built by concatenation, a formatted date) took about a quarter
 * off the page's Java time.
 *
 * @param href the institution's profile
 * @param name registered name
 * @param typeLabel the institution type in words
 * @param regionName the district
 * @param rating the rating block's HTML (see {@link RatingBadges})
 * @param validUntil "valid until …" for a valid certificate, otherwise null
 * @param verifyHref the certificate's verification page, or null
 * @param certificateNo the certificate's number, or null
 */
public record ResultCard(String href, String name, String typeLabel, String regionName, String rating,
		String validUntil, String verifyHref, String certificateNo) {

	static ResultCard of(Listing listing, String contextPath, Locale locale, MessageSource messages,
			RatingBadges badges, Formats formats) {
		boolean showCertificate = listing.certificateNo() != null && listing.certified();
		return new ResultCard(contextPath + "/institutions/" + listing.id(), listing.name(),
				messages.getMessage("institution.type." + listing.type().name(), null, locale), listing.regionName(),
				badges.html(listing.ratingStatus(), listing.stars(), locale),
				showCertificate ? messages.getMessage("directory.validUntil",
						new Object[] { formats.date(listing.validUntil()) }, locale) : null,
				showCertificate ? contextPath + "/verify/"
						+ UriUtils.encodePathSegment(listing.certificateNo(), StandardCharsets.UTF_8) : null,
				showCertificate ? listing.certificateNo() : null);
	}

}
