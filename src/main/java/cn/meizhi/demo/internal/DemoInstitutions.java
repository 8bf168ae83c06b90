package cn.meizhi.demo.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import cn.meizhi.institution.Department;
import cn.meizhi.institution.HospitalGrade;
import cn.meizhi.institution.InstitutionForm;
import cn.meizhi.institution.InstitutionStatus;
import cn.meizhi.institution.UnifiedSocialCreditCode;
import cn.meizhi.shared.InstitutionType;

/**
 * Fictional institutions with realistic names, valid credit codes and plausible facts.
 * Deterministic: the same seed always gives the same institutions.
 */
public final class DemoInstitutions {

	/**
	 * A demo institution: the form a regulator would have filled, and the status it ends
	 * up in.
	 */
	record Demo(InstitutionForm form, InstitutionStatus status) {
	}

	/**
	 * District code, city name used in institution names, street names and how many
	 * institutions.
	 */
	private record District(String code, String city, List<String> streets, int count) {
	}

	private static final List<District> DISTRICTS = List.of(
			new District("330102", "杭州", List.of("解放路", "庆春路", "延安路", "江城路", "望江路", "秋涛路"), 20),
			new District("330106", "杭州", List.of("文三路", "文二路", "天目山路", "古墩路", "西溪路"), 12),
			new District("330108", "杭州", List.of("江南大道", "滨盛路", "长河路", "江陵路"), 8),
			new District("330105", "杭州", List.of("湖墅南路", "莫干山路", "上塘路", "大关路"), 8),
			new District("440303", "深圳", List.of("深南东路", "人民南路", "东门中路", "宝安南路"), 6),
			new District("500103", "重庆", List.of("解放碑民族路", "中山三路", "邹容路", "较场口"), 6),
			new District("320105", "南京", List.of("江东中路", "应天大街", "庐山路", "河西大街"), 4));

	private static final List<String> BRANDS = List.of("悦颜", "臻颜", "雅韵", "素妍", "铂悦", "初见", "容悦", "明珠", "星颜", "妍熙", "禾悦",
			"轻氧", "致美", "澜庭", "玉颜", "如一", "瑾美", "薇琳", "卓颜", "兰亭", "青禾", "知美", "映画", "沐光", "若水", "清妍", "晨曦", "半山", "拾光",
			"云裳", "锦瑟", "南山", "悠然", "聆美", "熙和", "曼妙", "蓝湾", "语嫣", "婉约", "望月", "朗清", "春和", "景明", "观澜", "知微", "泊心", "安禾",
			"舒颜", "映月", "素心", "丹青", "霁月", "时雨", "秋水", "檀香", "白露", "青岚", "远山", "云栖", "嘉木", "长乐", "安澜", "明远", "和颂");

	private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙",
			"胡", "朱", "高", "林", "何", "郭", "马", "罗");

	private static final List<String> GIVEN_NAMES = List.of("建华", "丽娟", "志强", "海燕", "晓峰", "秀英", "文杰", "静怡", "国栋", "雪梅",
			"俊杰", "婷婷", "宏伟", "佳琪", "明轩", "若曦");

	private DemoInstitutions() {
	}

	static List<Demo> generate(long seed) {
		Random random = new Random(seed);
		List<Demo> demos = new ArrayList<>();
		int brand = 0;
		int serial = 1;
		for (District district : DISTRICTS) {
			for (int i = 0; i < district.count(); i++) {
				InstitutionType type = typeFor(i, random);
				var form = new InstitutionForm();
				String brandName = BRANDS.get(brand++ % BRANDS.size());
				form.setName(nameFor(district.city(), brandName, type));
				form.setCreditCode(creditCode(district.code(), random));
				form.setLicenceNumber(String.format("PDY%06d%s17D2192", serial++ * 37 % 1_000_000, district.code()));
				form.setType(type);
				form.setHospitalGrade(type == InstitutionType.AESTHETIC_HOSPITAL ? HospitalGrade.GRADE_2
						: type == InstitutionType.GENERAL_HOSPITAL_DEPARTMENT ? HospitalGrade.GRADE_3 : null);
				form.setRegionCode(district.code());
				String street = district.streets().get(random.nextInt(district.streets().size()));
				form.setAddress(street + (10 + random.nextInt(480)) + "号"
						+ (type == InstitutionType.AESTHETIC_CLINIC ? (1 + random.nextInt(12)) + "楼" : ""));
				form.setLegalRepresentative(SURNAMES.get(random.nextInt(SURNAMES.size()))
						+ GIVEN_NAMES.get(random.nextInt(GIVEN_NAMES.size())));
				form.setDepartments(departmentsFor(type, random));
				form.setSurgeryLevel(surgeryLevelFor(type, random));
				form.setBeds(type == InstitutionType.AESTHETIC_HOSPITAL ? 20 + random.nextInt(120)
						: type == InstitutionType.AESTHETIC_OUTPATIENT_DEPARTMENT ? random.nextInt(10) : 0);
				form.setOperatingRooms(type == InstitutionType.AESTHETIC_CLINIC ? random.nextInt(2)
						: 1 + random.nextInt(type == InstitutionType.AESTHETIC_HOSPITAL ? 8 : 3));
				form.setChiefPhysicians(
						type == InstitutionType.AESTHETIC_CLINIC ? 1 + random.nextInt(3) : 3 + random.nextInt(20));
				form.setPhone(phoneFor(district.code(), random));
				form.setWebsite(random.nextInt(3) == 0 ? null : "https://www.example-" + (demos.size() + 1) + ".cn");
				form.setCertifications(type == InstitutionType.AESTHETIC_HOSPITAL && random.nextBoolean()
						? "中国整形美容协会 5A 级医疗美容机构（2023）" : null);
				demos.add(new Demo(form, statusFor(demos.size())));
			}
		}
		return demos;
	}

	public static InstitutionType typeFor(int index, Random random) {
		int roll = random.nextInt(10);
		if (index == 0) {
			return InstitutionType.AESTHETIC_HOSPITAL;
		}
		return roll < 5 ? InstitutionType.AESTHETIC_CLINIC : roll < 8 ? InstitutionType.AESTHETIC_OUTPATIENT_DEPARTMENT
				: roll < 9 ? InstitutionType.AESTHETIC_HOSPITAL : InstitutionType.GENERAL_HOSPITAL_DEPARTMENT;
	}

	public static String nameFor(String city, String brand, InstitutionType type) {
		return switch (type) {
			case AESTHETIC_HOSPITAL -> city + brand + "医疗美容医院";
			case AESTHETIC_OUTPATIENT_DEPARTMENT -> city + brand + "医疗美容门诊部";
			case AESTHETIC_CLINIC -> city + brand + "医疗美容诊所";
			case GENERAL_HOSPITAL_DEPARTMENT -> city + brand + "医院医疗美容科";
		};
	}

	public static Set<Department> departmentsFor(InstitutionType type, Random random) {
		Set<Department> departments = EnumSet.of(Department.AESTHETIC_DERMATOLOGY);
		if (type != InstitutionType.AESTHETIC_CLINIC || random.nextBoolean()) {
			departments.add(Department.AESTHETIC_SURGERY);
		}
		if (random.nextInt(3) == 0) {
			departments.add(Department.AESTHETIC_DENTISTRY);
		}
		if (random.nextInt(4) == 0) {
			departments.add(Department.AESTHETIC_TCM);
		}
		if (type == InstitutionType.AESTHETIC_HOSPITAL || type == InstitutionType.GENERAL_HOSPITAL_DEPARTMENT) {
			departments.add(Department.ANESTHESIOLOGY);
			departments.add(Department.LABORATORY);
			departments.add(Department.MEDICAL_IMAGING);
		}
		else if (random.nextInt(3) == 0) {
			departments.add(Department.ANESTHESIOLOGY);
		}
		return departments;
	}

	public static int surgeryLevelFor(InstitutionType type, Random random) {
		return switch (type) {
			case AESTHETIC_HOSPITAL, GENERAL_HOSPITAL_DEPARTMENT -> 3 + random.nextInt(2);
			case AESTHETIC_OUTPATIENT_DEPARTMENT -> 2 + random.nextInt(2);
			case AESTHETIC_CLINIC -> 1 + random.nextInt(2);
		};
	}

	private static InstitutionStatus statusFor(int index) {
		if (index % 17 == 9) {
			return InstitutionStatus.SUSPENDED;
		}
		if (index % 23 == 15) {
			return InstitutionStatus.CLOSED;
		}
		return InstitutionStatus.ACTIVE;
	}

	private static String phoneFor(String regionCode, Random random) {
		String area = switch (regionCode.substring(0, 4)) {
			case "3301" -> "0571";
			case "4403" -> "0755";
			case "5001" -> "023";
			case "3201" -> "025";
			default -> "010";
		};
		return area + "-" + (8000_0000 + random.nextInt(1999_9999));
	}

	/**
	 * A valid unified social credit code of a company registered in the region (9 = 工商, 1
	 * = 企业).
	 */
	public static String creditCode(String regionCode, Random random) {
		StringBuilder code = new StringBuilder("91").append(regionCode).append("MA2");
		for (int i = 0; i < 6; i++) {
			code.append(
					UnifiedSocialCreditCode.ALPHABET.charAt(random.nextInt(UnifiedSocialCreditCode.ALPHABET.length())));
		}
		return code.append(UnifiedSocialCreditCode.checkCharacter(code.toString())).toString();
	}

}
