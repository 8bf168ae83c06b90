package cn.meizhi.enforcement;

import java.util.Optional;

import cn.meizhi.institution.InstitutionStatus;

/** What a penalty decision imposes. */
public enum PenaltyMeasure {

	/** 警告 */
	WARNING,
	/** 罚款 (with an amount) */
	FINE,
	/** 没收违法所得、药品器械 */
	CONFISCATION,
	/** 责令停业整顿: the institution stops practising until the order is lifted */
	SUSPENSION_ORDER,
	/** 吊销执业许可证: the institution closes */
	LICENCE_REVOKED,
	/** 其他 */
	OTHER;

	/** The status the register must give the institution, for a measure that stops it. */
	public Optional<InstitutionStatus> institutionStatus() {
		return switch (this) {
			case SUSPENSION_ORDER -> Optional.of(InstitutionStatus.SUSPENDED);
			case LICENCE_REVOKED -> Optional.of(InstitutionStatus.CLOSED);
			default -> Optional.empty();
		};
	}

}
