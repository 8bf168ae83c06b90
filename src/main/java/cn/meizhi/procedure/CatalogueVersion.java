package cn.meizhi.procedure;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** A version of the procedure catalogue: draft → published → retired. */
@Entity
@Table(name = "procedure_catalogue")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class CatalogueVersion {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String label;

	@Enumerated(EnumType.STRING)
	private CatalogueStatus status;

	/** An example for the demo, not a regulator's catalogue. */
	private boolean example;

	private Instant createdAt;

	private String createdBy;

	private Instant publishedAt;

	private Instant retiredAt;

	CatalogueVersion(String label, boolean example, Instant createdAt, String createdBy) {
		this.label = label;
		this.example = example;
		this.status = CatalogueStatus.DRAFT;
		this.createdAt = createdAt;
		this.createdBy = createdBy;
	}

	void publish(Instant now) {
		if (status != CatalogueStatus.DRAFT) {
			throw cn.meizhi.shared.FormRejectedException.of(null, "catalogue.publish.notDraft");
		}
		this.status = CatalogueStatus.PUBLISHED;
		this.publishedAt = now;
	}

	void retire(Instant now) {
		if (status != CatalogueStatus.PUBLISHED) {
			throw cn.meizhi.shared.FormRejectedException.of(null, "catalogue.retire.notPublished");
		}
		this.status = CatalogueStatus.RETIRED;
		this.retiredAt = now;
	}

}
