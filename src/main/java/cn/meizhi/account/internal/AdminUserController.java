package cn.meizhi.account.internal;

import java.util.Set;

import cn.meizhi.account.AccountManagement;
import cn.meizhi.region.Regions;
import cn.meizhi.shared.CurrentUser;
import cn.meizhi.shared.EditConflictException;
import cn.meizhi.shared.FormRejectedException;
import cn.meizhi.shared.Paging;
import cn.meizhi.shared.Role;
import jakarta.validation.Valid;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Account administration: admins create accounts, change roles and bindings, disable
 * accounts and reset passwords.
 */
@Controller
@RequestMapping("/admin/users")
class AdminUserController {

	static final String LIST_VIEW = "account/users";

	static final String FORM_VIEW = "account/userForm";

	static final String DETAIL_VIEW = "account/user";

	private static final Set<String> SORTABLE = Set.of("username", "displayName", "role", "createdAt", "lastLoginAt");

	private final AccountManagement accounts;

	private final Regions regions;

	AdminUserController(AccountManagement accounts, Regions regions) {
		this.accounts = accounts;
		this.regions = regions;
	}

	@InitBinder
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@ModelAttribute("roles")
	Role[] roles() {
		return Role.values();
	}

	@ModelAttribute("jurisdictions")
	Object jurisdictions() {
		return regions.within(null);
	}

	@GetMapping
	String list(CurrentUser admin, @RequestParam(required = false) String q, @RequestParam(required = false) Role role,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) String sort, Model model) {
		var pageable = Paging.of(page, null, sort, SORTABLE, Sort.by("username"));
		model.addAttribute("users", accounts.search(admin, q, role, pageable));
		model.addAttribute("q", q);
		model.addAttribute("role", role);
		model.addAttribute("sort", sort);
		return LIST_VIEW;
	}

	@GetMapping("/new")
	String initCreateForm(Model model) {
		model.addAttribute("form", new UserForm());
		model.addAttribute("creating", true);
		return FORM_VIEW;
	}

	@PostMapping("/new")
	String processCreateForm(CurrentUser admin, @Valid @ModelAttribute("form") UserForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		model.addAttribute("creating", true);
		if (result.hasErrors()) {
			form.setInitialPassword(null);
			return FORM_VIEW;
		}
		try {
			UserAccount account = accounts.create(admin, form);
			redirect.addFlashAttribute("message", "account.user.created");
			return "redirect:/admin/users/" + account.getId();
		}
		catch (FormRejectedException ex) {
			ex.rejectInto(result);
			form.setInitialPassword(null);
			return FORM_VIEW;
		}
	}

	@GetMapping("/{id}")
	String show(CurrentUser admin, @PathVariable long id, Model model) {
		UserAccount account = accounts.get(admin, id);
		model.addAttribute("account", account);
		model.addAttribute("institution", accounts.institutionOf(account).orElse(null));
		model.addAttribute("minPasswordLength", accounts.minPasswordLength());
		model.addAttribute("locked", accounts.isLocked(account));
		return DETAIL_VIEW;
	}

	@GetMapping("/{id}/edit")
	String initUpdateForm(CurrentUser admin, @PathVariable long id, Model model) {
		model.addAttribute("form", accounts.editForm(admin, id));
		model.addAttribute("accountId", id);
		return FORM_VIEW;
	}

	@PostMapping("/{id}/edit")
	String processUpdateForm(CurrentUser admin, @PathVariable long id, @Valid @ModelAttribute("form") UserForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		model.addAttribute("accountId", id);
		if (result.hasErrors()) {
			return FORM_VIEW;
		}
		try {
			accounts.update(admin, id, form);
		}
		catch (FormRejectedException ex) {
			ex.rejectInto(result);
			return FORM_VIEW;
		}
		catch (EditConflictException | org.springframework.dao.OptimisticLockingFailureException ex) {
			result.reject("conflict.account");
			form.setVersion(accounts.get(admin, id).getVersion());
			return FORM_VIEW;
		}
		redirect.addFlashAttribute("message", "account.user.updated");
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/enabled")
	String setEnabled(CurrentUser admin, @PathVariable long id, @RequestParam boolean enabled,
			RedirectAttributes redirect) {
		try {
			accounts.setEnabled(admin, id, enabled);
			redirect.addFlashAttribute("message", enabled ? "account.user.enabled" : "account.user.disabled");
		}
		catch (FormRejectedException ex) {
			redirect.addFlashAttribute("error", ex.reasons().get(0).code());
		}
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/password")
	String resetPassword(CurrentUser admin, @PathVariable long id, @RequestParam String temporaryPassword,
			RedirectAttributes redirect) {
		try {
			accounts.resetPassword(admin, id, temporaryPassword);
			redirect.addFlashAttribute("message", "account.user.passwordReset");
		}
		catch (FormRejectedException ex) {
			redirect.addFlashAttribute("error", ex.reasons().get(0).code());
			redirect.addFlashAttribute("errorArgs", ex.reasons().get(0).arguments());
		}
		return "redirect:/admin/users/" + id;
	}

}
