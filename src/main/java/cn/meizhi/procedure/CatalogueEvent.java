package cn.meizhi.procedure;

import java.time.Instant;

import cn.meizhi.shared.Actor;
import cn.meizhi.shared.AuditableEvent;

/** A step of a catalogue version: one record per fact. */
public sealed interface CatalogueEvent extends AuditableEvent {

	long catalogueId();

	@Override
	default String objectType() {
		return "ProcedureCatalogue";
	}

	@Override
	default String objectId() {
		return String.valueOf(catalogueId());
	}

	@Override
	default String regionCode() {
		return null;
	}

	/** A draft was imported from JSON. */
	record CatalogueImported(long catalogueId, String summary, Actor actor,
			Instant occurredAt) implements CatalogueEvent {

		@Override
		public String action() {
			return "CATALOGUE_IMPORTED";
		}

		@Override
		public boolean changesPublicData() {
			return false;
		}

	}

	/** A draft was published (the one before it retired): the public answers change. */
	record CataloguePublished(long catalogueId, String summary, Actor actor,
			Instant occurredAt) implements CatalogueEvent {

		@Override
		public String action() {
			return "CATALOGUE_PUBLISHED";
		}

	}

	/** A published catalogue was retired without a successor. */
	record CatalogueRetired(long catalogueId, String summary, Actor actor,
			Instant occurredAt) implements CatalogueEvent {

		@Override
		public String action() {
			return "CATALOGUE_RETIRED";
		}

	}

}
