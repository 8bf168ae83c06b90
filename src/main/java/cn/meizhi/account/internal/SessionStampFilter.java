package cn.meizhi.account.internal;

import java.io.IOException;

import cn.meizhi.account.AccountManagement;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session as soon as an admin changes or disables its account (role, jurisdiction,
 * institution, password): the session's security stamp no longer matches the account's.
 * Checked against the database on every signed-in request, so it holds on every node
 * behind a load balancer.
 */
@Component
class SessionStampFilter extends OncePerRequestFilter {

	private final AccountManagement accounts;

	SessionStampFilter(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof MeizhiUserDetails user
				&& user.securityStamp() != null
				&& !accounts.sessionStillValid(user.currentUser().id(), user.securityStamp())) {
			SecurityContextHolder.clearContext();
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			response.sendRedirect(request.getContextPath() + "/login?expired");
			return;
		}
		chain.doFilter(request, response);
	}

}
