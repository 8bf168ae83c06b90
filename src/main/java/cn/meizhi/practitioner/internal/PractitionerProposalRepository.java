package cn.meizhi.practitioner.internal;

import java.util.List;

import cn.meizhi.practitioner.PractitionerProposal;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PractitionerProposalRepository extends JpaRepository<PractitionerProposal, Long> {

	List<PractitionerProposal> findByInstitutionIdOrderByProposedAtDesc(long institutionId);

	@Query("""
			select p from PractitionerProposal p where p.regionCode like concat(:prefix, '%')
			  and p.status = cn.meizhi.practitioner.PractitionerProposal.Status.PENDING order by p.proposedAt
			""")
	List<PractitionerProposal> findPendingWithin(String prefix);

}
