package cn.meizhi.rating.internal;

import java.util.Locale;

import cn.meizhi.region.Regions;

import org.springframework.stereotype.Component;

/**
 * Who issues a certificate: the health commission or quality-control centre configured
 * for the longest prefix of the rating's region code
 * ({@link CertificateIssuerProperties}), or, where none is, the health authority of the
 * region's city in general terms. Never the portal: the portal only keeps the register.
 */
@Component
public class CertificateIssuers {

	private final CertificateIssuerProperties properties;

	private final Regions regions;

	public CertificateIssuers(CertificateIssuerProperties properties, Regions regions) {
		this.properties = properties;
		this.regions = regions;
	}

	/** The issuer's name in Chinese (the certificate's own language). */
	public String name(String regionCode) {
		return name(regionCode, Locale.SIMPLIFIED_CHINESE);
	}

	/** The issuer's name in the reader's language where it has one, else in Chinese. */
	public String name(String regionCode, Locale locale) {
		boolean english = "en".equals(locale.getLanguage());
		for (int length = regionCode.length(); length >= 2; length--) {
			var issuer = properties.issuers().get(regionCode.substring(0, length));
			if (issuer != null) {
				return english && issuer.nameEn() != null && !issuer.nameEn().isBlank() ? issuer.nameEn()
						: issuer.name();
			}
		}
		String city = regions.name(regionCode.substring(0, 4) + "00", locale);
		return english ? "Health authority of " + city : city + "卫生健康行政部门";
	}

}
