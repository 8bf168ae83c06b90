package cn.meizhi.procedure;

import java.util.Arrays;
import java.util.List;

import cn.meizhi.institution.Department;
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

/**
 * A procedure of a catalogue version: its specialty (the licensed department it belongs
 * to) and, for a surgical procedure, its risk level 1–4 (none for the others).
 */
@Entity
@Table(name = "catalogue_procedure")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Procedure {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long catalogueId;

	private String code;

	private String name;

	/** Other names the public searches by, comma-separated (e.g. 双眼皮 for 重睑成形术). */
	private String aliases;

	@Enumerated(EnumType.STRING)
	private Department specialty;

	private Integer level;

	Procedure(long catalogueId, String code, String name, List<String> aliases, Department specialty, Integer level) {
		this.catalogueId = catalogueId;
		this.code = code;
		this.name = name;
		this.aliases = String.join(",", aliases);
		this.specialty = specialty;
		this.level = level;
	}

	public List<String> getAliasList() {
		return aliases == null || aliases.isBlank() ? List.of() : Arrays.asList(aliases.split(","));
	}

	/** Whether it is surgical (has a level). */
	public boolean isSurgical() {
		return level != null;
	}

}
