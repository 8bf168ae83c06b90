package cn.meizhi.account.internal;

import cn.meizhi.account.AccountManagement;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.FormRejectedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Every signed-in user changes their own password here (and must, after an admin set it).
 */
@Controller
@RequestMapping(PasswordChangeInterceptor.CHANGE_PASSWORD)
class PasswordController {

	static final String VIEW = "account/password";

	private final AccountManagement accounts;

	private final SecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();

	PasswordController(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@ModelAttribute("minPasswordLength")
	int minPasswordLength() {
		return accounts.minPasswordLength();
	}

	@GetMapping
	String initChangeForm(Model model) {
		model.addAttribute("form", new PasswordChangeForm());
		return VIEW;
	}

	@PostMapping
	String processChangeForm(CurrentUser user, @Valid @ModelAttribute("form") PasswordChangeForm form,
			BindingResult result, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		String newStamp = null;
		if (!result.hasErrors()) {
			try {
				newStamp = accounts.changeOwnPassword(user, form);
			}
			catch (FormRejectedException ex) {
				ex.rejectInto(result);
			}
		}
		if (result.hasErrors()) {
			form.setCurrentPassword(null);
			form.setNewPassword(null);
			form.setConfirmation(null);
			return VIEW;
		}
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (current.getPrincipal() instanceof MeizhiUserDetails principal) {
			var updated = principal.withPasswordChanged(newStamp);
			var authentication = UsernamePasswordAuthenticationToken.authenticated(updated, null,
					updated.getAuthorities());
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(authentication);
			SecurityContextHolder.setContext(context);
			contextRepository.saveContext(context, request, response);
		}
		redirect.addFlashAttribute("message", "account.password.changed");
		return "redirect:/home";
	}

}
