package cn.meizhi.support;

import java.util.EnumSet;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import cn.meizhi.account.AccountManagement;
import cn.meizhi.account.internal.MeizhiUserDetails;
import cn.meizhi.account.internal.UserAccount;
import cn.meizhi.institution.Department;
import cn.meizhi.institution.Institution;
import cn.meizhi.institution.InstitutionForm;
import cn.meizhi.institution.InstitutionManagement;
import cn.meizhi.institution.UnifiedSocialCreditCode;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.InstitutionType;
import cn.meizhi.shared.Jurisdiction;
import cn.meizhi.shared.Role;

import org.springframework.stereotype.Component;

/**
 * Test-data builders: institutions and accounts made through the same services the UI
 * uses, with unique codes so that tests sharing a database never collide.
 */
@Component
public class Fixtures {

	public static final String PASSWORD = "test-password-1234";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private static final Random RANDOM = new Random();

	private final InstitutionManagement institutions;

	private final AccountManagement accounts;

	public Fixtures(InstitutionManagement institutions, AccountManagement accounts) {
		this.institutions = institutions;
		this.accounts = accounts;
	}

	/**
	 * A valid credit code of a company registered in the region, different on every call.
	 */
	public static synchronized String creditCode(String regionCode) {
		StringBuilder code = new StringBuilder("91").append(regionCode).append("MA");
		for (int i = 0; i < 7; i++) {
			code.append(
					UnifiedSocialCreditCode.ALPHABET.charAt(RANDOM.nextInt(UnifiedSocialCreditCode.ALPHABET.length())));
		}
		return code.append(UnifiedSocialCreditCode.checkCharacter(code.toString())).toString();
	}

	public static String unique(String prefix) {
		return prefix + SEQUENCE.incrementAndGet() + "x" + Integer.toString(RANDOM.nextInt(1 << 20), 36);
	}

	/** A complete, valid registration form for an institution in the given district. */
	public static InstitutionForm institutionForm(String regionCode, String name) {
		var form = new InstitutionForm();
		form.setName(name);
		form.setCreditCode(creditCode(regionCode));
		form.setLicenceNumber(unique("PDY").toUpperCase());
		form.setType(InstitutionType.AESTHETIC_CLINIC);
		form.setRegionCode(regionCode);
		form.setAddress("解放路 1 号");
		form.setLegalRepresentative("张三");
		form.setDepartments(EnumSet.of(Department.AESTHETIC_DERMATOLOGY));
		form.setSurgeryLevel(1);
		form.setBeds(0);
		form.setOperatingRooms(1);
		form.setChiefPhysicians(2);
		form.setPhone("0571-88886666");
		return form;
	}

	/**
	 * A regulator principal for a jurisdiction (not stored; enough for services and
	 * MockMvc).
	 */
	public static CurrentUser regulator(String jurisdiction) {
		return new CurrentUser(-1, "regulator-" + jurisdiction, "Regulator " + jurisdiction, Role.REGULATOR,
				Jurisdiction.of(jurisdiction), null);
	}

	public static CurrentUser clinic(long institutionId) {
		return new CurrentUser(-2, "clinic-" + institutionId, "Clinic " + institutionId, Role.CLINIC, null,
				institutionId);
	}

	public static CurrentUser admin() {
		return new CurrentUser(-3, "admin-test", "Admin", Role.ADMIN, null, null);
	}

	public static CurrentUser assessor() {
		return new CurrentUser(-4, "assessor-test", "Assessor", Role.ASSESSOR, null, null);
	}

	public static MeizhiUserDetails principal(CurrentUser user) {
		return MeizhiUserDetails.of(user);
	}

	public Institution institution(String regionCode) {
		return institution(regionCode, unique("杭州测试医疗美容诊所"));
	}

	public Institution institution(String regionCode, String name) {
		return institutions.register(regulator(regionCode.substring(0, 2) + "0000"), institutionForm(regionCode, name));
	}

	/** A stored account with {@link #PASSWORD} and no forced password change. */
	public UserAccount account(Role role, String jurisdiction, Long institutionId) {
		return accounts.createDemoAccount(unique(role.name().toLowerCase() + "-"), "Test " + role, role, jurisdiction,
				institutionId, PASSWORD);
	}

}
