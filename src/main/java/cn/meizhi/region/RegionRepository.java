package cn.meizhi.region;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RegionRepository extends JpaRepository<Region, String> {

	@Query("select r from Region r where r.code like concat(:prefix, '%') order by r.code")
	List<Region> findByCodePrefix(String prefix);

	List<Region> findAllByOrderByCode();

}
