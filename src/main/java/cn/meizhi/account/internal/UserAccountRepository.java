package cn.meizhi.account.internal;

import java.util.Optional;

import cn.meizhi.shared.Role;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

	Optional<UserAccount> findByUsername(String username);

	boolean existsByUsername(String username);

	boolean existsByRole(Role role);

	java.util.List<UserAccount> findByRoleAndEnabledTrueOrderByDisplayName(Role role);

	long countByRoleAndEnabledTrue(Role role);

	@Query("""
			select u from UserAccount u
			where (:role is null or u.role = :role)
			  and (:q is null or lower(u.username) like lower(concat('%', cast(:q as string), '%'))
			       or lower(u.displayName) like lower(concat('%', cast(:q as string), '%')))
			""")
	Page<UserAccount> search(String q, Role role, Pageable pageable);

}
