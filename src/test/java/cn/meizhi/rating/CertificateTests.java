package cn.meizhi.rating;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;

import cn.meizhi.inspection.InspectionFixtures;
import cn.meizhi.inspection.InspectionFixtures.Team;
import cn.meizhi.rating.internal.Appeal;
import cn.meizhi.rating.internal.CertificateFont;
import cn.meizhi.rating.internal.CertificateIssuerProperties;
import cn.meizhi.rating.internal.CertificateIssuers;
import cn.meizhi.shared.CurrentUser;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The certificate as the institution shows it: printable page, PDF with Chinese text and
 * a QR code that opens the verification page, and the website badge, each honest about a
 * certificate that no longer holds.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CertificateTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	InspectionFixtures fixtures;

	@Autowired
	Ratings ratings;

	@Autowired
	RatingFixtures ratingFixtures;

	@Autowired
	cn.meizhi.region.Regions regions;

	/**
	 * The PDF needs a CJK TrueType font; CI installs one (fonts-wqy-microhei) and must
	 * run this.
	 */
	static boolean fontInstalledOrRequired() {
		return new CertificateFont("").available() || "true".equals(System.getenv("CI"));
	}

	@Test
	@EnabledIf("fontInstalledOrRequired")
	void thePdfCarriesTheChineseNameAndNumberAndItsQrCodeOpensTheVerificationPage() throws Exception {
		Team team = fixtures.submitted();
		Rating rating = published(team);
		String number = rating.getCertificateNo();
		byte[] pdf = mvc.perform(get("/certificates/" + number + ".pdf"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("Content-Disposition", containsString(number + ".pdf")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(1);
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains(team.institution().getName())
				.contains(number)
				.contains(team.institution().getCreditCode())
				.contains("医疗美容机构质量星级证书")
				.contains("有效期")
				.contains("发证机关")
				.contains("上城区医疗美容质控中心");
			PDResources resources = document.getPage(0).getResources();
			for (COSName name : resources.getFontNames()) {
				PDFont font = resources.getFont(name);
				assertThat(font.isEmbedded()).as("font %s is embedded", font.getName()).isTrue();
			}
			BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 200);
			assertThat(decodeQr(page)).isEqualTo("http://localhost/verify/" + number);
		}
	}

	@Test
	void thePrintablePageShowsTheCertificateWithItsQrCodeAndBadgeCode() throws Exception {
		Team team = fixtures.submitted();
		Rating rating = published(team);
		String number = rating.getCertificateNo();
		mvc.perform(get("/certificates/" + number))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(team.institution().getName())))
			.andExpect(content().string(containsString(number)))
			.andExpect(content().string(containsString("http://localhost/verify/" + number)))
			.andExpect(content().string(containsString("class=\"mz-qr\"")))
			.andExpect(content().string(containsString("http://localhost/badge/" + number + ".svg")))
			.andExpect(content().string(not(containsString("certificate-invalid"))));
		mvc.perform(get("/certificates/" + number).param("lang", "en"))
			.andExpect(content().string(containsString("This is to certify that")));
		mvc.perform(get("/certificates/MZ-999999-2026-999999")).andExpect(status().isNotFound());
		mvc.perform(get("/certificates/MZ-999999-2026-999999.pdf")).andExpect(status().isNotFound());
	}

	@Test
	void aCertificateThatNoLongerHoldsGetsNoNewPdfAndItsPageAndBadgeSaySo() throws Exception {
		Rating rating = published(fixtures.submitted());
		String number = rating.getCertificateNo();
		ratings.suspend(regulator(), rating.getId(), "投诉调查中");

		mvc.perform(get("/certificates/" + number + ".pdf"))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("http://localhost/verify/" + number));
		mvc.perform(get("/certificates/" + number))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("certificate-invalid")))
			.andExpect(content().string(containsString("已被监管部门暂停")))
			.andExpect(content().string(not(containsString("certificate-pdf"))))
			.andExpect(content().string(not(containsString("投诉调查中"))));
		mvc.perform(get("/badge/" + number + ".svg"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已暂停")))
			.andExpect(content().string(not(containsString("有效期至"))));

		ratings.revoke(regulator(), rating.getId(), "伪造病历");
		mvc.perform(get("/badge/" + number + ".svg").param("lang", "en"))
			.andExpect(content().string(containsString("revoked")));
	}

	@Test
	void theBadgeShowsTheStarsAndValidityAsWellFormedSvg() throws Exception {
		Team team = fixtures.submitted();
		Rating rating = published(team);
		String number = rating.getCertificateNo();
		String stars = "★".repeat(rating.getStars()) + "☆".repeat(5 - rating.getStars());
		String svg = mvc.perform(get("/badge/" + number + ".svg"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("image/svg+xml")))
			.andExpect(header().string("Cache-Control", containsString("max-age=300")))
			.andExpect(content().string(containsString(stars)))
			.andExpect(content().string(containsString("有效期至 " + rating.getValidUntil())))
			.andExpect(content().string(containsString(team.institution().getName())))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.getDocumentElement()
			.getNodeName()).isEqualTo("svg");

		mvc.perform(get("/badge/MZ-999999-2026-999999.svg"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("证书不存在")));
	}

	@Test
	void starsThatDifferFromTheRulesAreSaidInWordsOnEveryPublicFace() throws Exception {
		Team overridden = fixtures.submitted();
		Rating proposal = ratings.propose(overridden.lead(), overridden.id(), 1, "现场发现严重隐患，降级处理");
		assertThat(proposal.isOverride()).as("the fixture's rules give more than one star").isTrue();
		ratings.accept(overridden.clinic(), proposal.getId());
		Rating override = ratings.approve(regulator(), proposal.getId());
		String computed = "按评价标准规则计算为 " + override.getComputedStars() + " 星";
		for (String page : new String[] { "/verify/" + override.getCertificateNo(),
				"/certificates/" + override.getCertificateNo(), "/institutions/" + override.getInstitutionId() }) {
			mvc.perform(get(page))
				.andExpect(content().string(containsString("星级经评审组长人工调整（" + computed + "），理由：现场发现严重隐患，降级处理")));
		}
		mvc.perform(get("/verify/" + override.getCertificateNo()).param("lang", "en"))
			.andExpect(content().string(containsString("Overridden by the lead assessor")));
		mvc.perform(get("/api/public/institutions/" + override.getInstitutionId()))
			.andExpect(jsonPath("$.currentRating.starsChange.kind").value("OVERRIDE"))
			.andExpect(jsonPath("$.currentRating.starsChange.computedStars").value(override.getComputedStars()))
			.andExpect(jsonPath("$.currentRating.starsChange.reason").value("现场发现严重隐患，降级处理"));

		Team appealed = fixtures.submitted();
		Rating second = ratings.propose(appealed.lead(), appealed.id(), null, null);
		ratings.appeal(appealed.clinic(), second.getId(), "评分有误");
		int adjustedStars = second.getComputedStars() == 1 ? 2 : 1;
		ratings.decideAppeal(regulator(), second.getId(), Appeal.Outcome.ADJUSTED, "复核后调整，内部意见", adjustedStars);
		Rating adjusted = ratings.approve(ratingFixtures.regulator(), second.getId());
		for (String page : new String[] { "/verify/" + adjusted.getCertificateNo(),
				"/certificates/" + adjusted.getCertificateNo(), "/institutions/" + adjusted.getInstitutionId() }) {
			mvc.perform(get(page))
				.andExpect(content()
					.string(containsString("评定结果经申诉复核调整（按评价标准规则计算为 " + adjusted.getComputedStars() + " 星）")))
				.andExpect(content().string(not(containsString("内部意见"))));
		}
		mvc.perform(get("/api/public/institutions/" + adjusted.getInstitutionId()))
			.andExpect(jsonPath("$.currentRating.starsChange.kind").value("APPEAL"))
			.andExpect(jsonPath("$.currentRating.starsChange.reason").doesNotExist());

		// stars as the rules gave them carry no mark
		Rating plain = published(fixtures.submitted());
		mvc.perform(get("/verify/" + plain.getCertificateNo()))
			.andExpect(content().string(not(containsString("stars-change"))));
	}

	@Test
	void theCertificateNamesTheJurisdictionsIssuerNotThePortal() throws Exception {
		Rating rating = published(fixtures.submitted());
		mvc.perform(get("/certificates/" + rating.getCertificateNo()))
			.andExpect(content().string(containsString("发证机关")))
			.andExpect(content().string(containsString("上城区医疗美容质控中心")));
		mvc.perform(get("/certificates/" + rating.getCertificateNo()).param("lang", "en"))
			.andExpect(
					content().string(containsString("Shangcheng District Medical Aesthetics Quality Control Centre")));
	}

	@Test
	void theIssuerIsTheLongestConfiguredPrefixOrTheCitysHealthAuthority() {
		var issuers = new CertificateIssuers(
				new CertificateIssuerProperties(
						Map.of("3301", new CertificateIssuerProperties.Issuer("杭州市卫生健康委员会", null), "330102",
								new CertificateIssuerProperties.Issuer("上城区医疗美容质控中心", "Shangcheng QC Centre"))),
				regions);
		assertThat(issuers.name("330102")).isEqualTo("上城区医疗美容质控中心");
		assertThat(issuers.name("330102", java.util.Locale.ENGLISH)).isEqualTo("Shangcheng QC Centre");
		assertThat(issuers.name("330106")).isEqualTo("杭州市卫生健康委员会");
		assertThat(issuers.name("330106", java.util.Locale.ENGLISH)).isEqualTo("杭州市卫生健康委员会");
		assertThat(issuers.name("440303")).isEqualTo(regions.name("440300", java.util.Locale.CHINA) + "卫生健康行政部门");
	}

	private Rating published(Team team) {
		return ratingFixtures.published(team);
	}

	private CurrentUser regulator() {
		return ratingFixtures.regulator();
	}

	private static String decodeQr(BufferedImage image) throws Exception {
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		var bitmap = new BinaryBitmap(
				new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
		return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
	}

}
