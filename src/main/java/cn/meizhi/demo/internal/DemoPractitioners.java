package cn.meizhi.demo.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import cn.meizhi.institution.Department;
import cn.meizhi.institution.Institution;
import cn.meizhi.institution.InstitutionStatus;
import cn.meizhi.practitioner.PractitionerForm;
import cn.meizhi.practitioner.PractitionerRegister;
import cn.meizhi.practitioner.PractitionerStatus;
import cn.meizhi.practitioner.QualificationCategory;

/**
 * Demo 美容主诊医师: two or three for every practising demo institution, in the specialties it
 * is licensed for — except one specialty of one clinic, left without (the plausibility
 * report names it) — one suspended, and one registered at four institutions in two cities
 * (possible 挂证). Registered through the register's own form rules.
 */
final class DemoPractitioners {

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

	private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉飞琳晨瑶雪梅婷倩颖欣怡佳宁浩宇轩然博文思远嘉琪子涵";

	private final PractitionerRegister register;

	private final Random random = new Random(20261207L);

	private int sequence;

	DemoPractitioners(PractitionerRegister register) {
		this.register = register;
	}

	/**
	 * Returns how many were registered, and the institution left without a specialist.
	 */
	int load(List<Institution> registered, LocalDate today) {
		List<Institution> practising = registered.stream()
			.filter(i -> i.getStatus() == InstitutionStatus.ACTIVE)
			.toList();
		Institution unstaffed = practising.stream()
			.filter(i -> i.getType() == cn.meizhi.shared.InstitutionType.AESTHETIC_CLINIC && aesthetic(i).size() >= 2)
			.findFirst()
			.orElse(practising.get(0));
		int count = 0;
		for (Institution institution : practising) {
			List<Department> specialties = aesthetic(institution);
			if (institution.getId().equals(unstaffed.getId())) {
				specialties = specialties.subList(0, specialties.size() - 1);
			}
			for (Department specialty : specialties) {
				int doctors = 1 + random.nextInt(2);
				for (int d = 0; d < doctors; d++) {
					register(institution, specialty, List.of(), today,
							count == 7 ? PractitionerStatus.SUSPENDED : PractitionerStatus.ACTIVE);
					count++;
				}
			}
		}
		// one surgeon registered at four institutions, in two cities
		List<Institution> surgical = practising.stream()
			.filter(i -> aesthetic(i).contains(Department.AESTHETIC_SURGERY))
			.toList();
		Institution main = surgical.stream()
			.filter(i -> i.getRegionCode().startsWith("3301"))
			.findFirst()
			.orElseThrow();
		List<Institution> others = new ArrayList<>(surgical.stream()
			.filter(i -> !i.getId().equals(main.getId()) && i.getRegionCode().startsWith("3301"))
			.limit(2)
			.toList());
		surgical.stream().filter(i -> !i.getRegionCode().startsWith("3301")).findFirst().ifPresent(others::add);
		register(main, Department.AESTHETIC_SURGERY, others, today, PractitionerStatus.ACTIVE);
		return count + 1;
	}

	private void register(Institution main, Department specialty, List<Institution> others, LocalDate today,
			PractitionerStatus status) {
		QualificationCategory category = switch (specialty) {
			case AESTHETIC_DENTISTRY -> QualificationCategory.DENTAL;
			case AESTHETIC_TCM -> QualificationCategory.TCM;
			default -> QualificationCategory.CLINICAL;
		};
		var form = new PractitionerForm();
		form.setName(name());
		form.setLicenceNumber("1" + category.digit() + main.getRegionCode() + "%07d".formatted(++sequence));
		form.setCategory(category);
		form.setStatus(status);
		LocalDate obtained = today.minusDays(400 + random.nextInt(3000));
		switch (specialty) {
			case AESTHETIC_SURGERY -> form.setSurgerySince(obtained);
			case AESTHETIC_DERMATOLOGY -> form.setDermatologySince(obtained);
			case AESTHETIC_DENTISTRY -> form.setDentistrySince(obtained);
			default -> form.setTcmSince(obtained);
		}
		form.setMainInstitution(main.getCreditCode());
		form.setMainSince(obtained.plusDays(30));
		StringBuilder sites = new StringBuilder();
		for (Institution other : others) {
			sites.append(other.getCreditCode()).append(' ').append(obtained.plusDays(200)).append('\n');
		}
		form.setOtherInstitutions(sites.toString());
		form.setIdNumber("330102" + (1970 + random.nextInt(25)) + "0101" + "%03d".formatted(sequence % 1000) + "X");
		form.setPhone("1390000" + "%04d".formatted(sequence));
		register.register(DemoPeople.registerImport(main.getRegionCode().substring(0, 2) + "0000"), form);
	}

	private static List<Department> aesthetic(Institution institution) {
		return institution.getDepartmentsInOrder()
			.stream()
			.filter(d -> d == Department.AESTHETIC_SURGERY || d == Department.AESTHETIC_DERMATOLOGY
					|| d == Department.AESTHETIC_DENTISTRY || d == Department.AESTHETIC_TCM)
			.toList();
	}

	private String name() {
		String name = String.valueOf(SURNAMES.charAt(random.nextInt(SURNAMES.length())))
				+ GIVEN.charAt(random.nextInt(GIVEN.length()));
		return random.nextBoolean() ? name + GIVEN.charAt(random.nextInt(GIVEN.length())) : name;
	}

}
