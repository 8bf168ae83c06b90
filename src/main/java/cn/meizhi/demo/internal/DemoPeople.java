package cn.meizhi.demo.internal;

import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.Jurisdiction;
import cn.meizhi.shared.Role;

/**
 * Who does what in the demo data, by the names of the demo accounts (so the audit trail
 * and every history read as a real registry: 上城区卫健局 李主任 runs the district's cycles, 赵女士
 * answers for the demo clinic), never a technical "loader". Institutions without a demo
 * account act through "机构质控专员", their quality officer; the register itself was filled by
 * the provincial import.
 */
final class DemoPeople {

	static final CurrentUser ADMIN = new CurrentUser(0, "admin", "系统管理员", Role.ADMIN, null, null);

	static final CurrentUser CITY_REGULATOR = new CurrentUser(0, "regulator", "杭州市卫健委 王科长", Role.REGULATOR,
			Jurisdiction.of("330100"), null);

	static final CurrentUser DISTRICT_REGULATOR = new CurrentUser(0, "regulator-sc", "上城区卫健局 李主任", Role.REGULATOR,
			Jurisdiction.of("330102"), null);

	private DemoPeople() {
	}

	/**
	 * The provincial register import that filled the demo register (a system, named as
	 * such).
	 */
	static CurrentUser registerImport(String provinceCode) {
		return new CurrentUser(0, "register-import", "省级机构名录导入", Role.REGULATOR, Jurisdiction.of(provinceCode), null);
	}

	/**
	 * The health commission of the city a district belongs to, for the demo's rating
	 * history elsewhere.
	 */
	static CurrentUser regulatorOf(String district) {
		String city = district.substring(0, 4);
		if (city.equals("3301")) {
			return CITY_REGULATOR;
		}
		String name = switch (city) {
			case "3201" -> "南京市卫健委 质控科";
			case "4403" -> "深圳市卫健委 质控科";
			case "5001" -> "重庆市卫健委 质控科";
			default -> "市卫健委 质控科";
		};
		return new CurrentUser(0, "regulator-" + city, name, Role.REGULATOR, Jurisdiction.of(city + "00"), null);
	}

	/** The demo clinic's own account. */
	static CurrentUser clinic(long institutionId) {
		return new CurrentUser(0, "clinic", "机构质控专员 赵女士", Role.CLINIC, null, institutionId);
	}

	/** {@code clinic2}'s account. */
	static CurrentUser clinic2(long institutionId) {
		return new CurrentUser(0, "clinic2", "机构质控专员 孙先生", Role.CLINIC, null, institutionId);
	}

	/** The quality officer of an institution without a demo account. */
	static CurrentUser qualityOfficer(long institutionId) {
		return new CurrentUser(0, "clinic-" + institutionId, "机构质控专员", Role.CLINIC, null, institutionId);
	}

}
