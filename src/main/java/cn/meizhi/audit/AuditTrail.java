package cn.meizhi.audit;

import java.time.Instant;
import java.time.LocalDate;

import cn.meizhi.shared.AuditableEvent;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.Formats;
import cn.meizhi.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records every auditable event in the transaction that caused it (so a change and its audit entry
 * commit or roll back together), and lets regulators read the trail of their jurisdiction and admins
 * all of it.
 */
@Service
@Transactional(readOnly = true)
public class AuditTrail {

	/** Filters of the audit list; all optional. */
	public record Filter(String action, String actor, String objectType, String objectId, LocalDate from,
			LocalDate to) {

		public Filter {
			action = blankToNull(action);
			actor = blankToNull(actor);
			objectType = blankToNull(objectType);
			objectId = blankToNull(objectId);
		}

		private static String blankToNull(String value) {
			return value == null || value.isBlank() ? null : value.strip();
		}

	}

	private final AuditRepository entries;

	private final Formats formats;

	AuditTrail(AuditRepository entries, Formats formats) {
		this.entries = entries;
		this.formats = formats;
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(AuditableEvent event) {
		entries.save(new AuditEntry(event, clientIp()));
	}

	public Page<AuditEntry> search(CurrentUser user, Filter filter, Pageable pageable) {
		String prefix = switch (user.role()) {
			case ADMIN -> null;
			case REGULATOR -> user.jurisdiction().prefix();
			default -> throw new NotFoundException("Audit trail", user.username());
		};
		Instant from = filter.from() == null ? null : filter.from().atStartOfDay(formats.zone()).toInstant();
		Instant to = filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay(formats.zone()).toInstant();
		return entries.search(prefix, filter.action(), filter.actor(), filter.objectType(), filter.objectId(), from, to,
				pageable);
	}

	private static String clientIp() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
