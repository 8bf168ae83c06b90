package cn.meizhi.institution;

import java.util.Set;

/**
 * Whether an institution may practise. Closed is final.
 */
public enum InstitutionStatus {

	ACTIVE, SUSPENDED, CLOSED;

	/** The statuses this one may change to. */
	public Set<InstitutionStatus> next() {
		return switch (this) {
			case ACTIVE -> Set.of(SUSPENDED, CLOSED);
			case SUSPENDED -> Set.of(ACTIVE, CLOSED);
			case CLOSED -> Set.of();
		};
	}

	public boolean canChangeTo(InstitutionStatus target) {
		return next().contains(target);
	}

}
