package cn.meizhi.complaint.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ComplaintFileRepository extends JpaRepository<ComplaintFile, Long> {

	List<ComplaintFile> findByComplaintIdOrderById(long complaintId);

}
