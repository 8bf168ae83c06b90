package cn.meizhi.procedure.internal;

import java.util.List;

import cn.meizhi.procedure.LevelRule;

import org.springframework.data.jpa.repository.JpaRepository;

public interface LevelRuleRepository extends JpaRepository<LevelRule, Long> {

	List<LevelRule> findByCatalogueIdOrderByInstitutionTypeAscHospitalGradeAsc(long catalogueId);

}
