package cn.meizhi.cycle;

import java.util.Optional;

/**
 * A cycle moves forward only: planned, open for self-assessment, inspecting, closed.
 */
public enum CycleStatus {

	PLANNED, OPEN, INSPECTING, CLOSED;

	/** The status that follows this one, if any. */
	public Optional<CycleStatus> next() {
		return switch (this) {
			case PLANNED -> Optional.of(OPEN);
			case OPEN -> Optional.of(INSPECTING);
			case INSPECTING -> Optional.of(CLOSED);
			case CLOSED -> Optional.empty();
		};
	}

}
