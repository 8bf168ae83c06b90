package cn.meizhi.rating.internal;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The configured issuers of certificates, by region-code prefix: for example
 * {@code meizhi.certificates.issuers.3301.name=杭州市卫生健康委员会} and
 * {@code meizhi.certificates.issuers.330102.name=上城区医疗美容质控中心}.
 *
 * @param issuers issuer by region-code prefix (2 to 6 digits)
 */
@ConfigurationProperties("meizhi.certificates")
public record CertificateIssuerProperties(Map<String, Issuer> issuers) {

	public CertificateIssuerProperties {
		issuers = issuers == null ? Map.of() : Map.copyOf(issuers);
	}

	/**
	 * @param name the issuer's name in Chinese, as on its seal
	 * @param nameEn its English name, if it has one
	 */
	public record Issuer(String name, String nameEn) {
	}

}
