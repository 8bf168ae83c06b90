package cn.meizhi.system;

import cn.meizhi.system.internal.ErrorAdvice;
import cn.meizhi.system.internal.StartingUp;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * While the demo data loads, pages say so; a node starting on data that is already there
 * serves at once.
 */
class StartingUpTests {

	@Controller
	static class SignIn {

		@GetMapping("/login")
		@ResponseBody
		String form() {
			return "sign in";
		}

	}

	@Test
	void pagesAnswer503WhileTheDemoDataLoadsThenServe() throws Exception {
		cn.meizhi.shared.DataLoading loading = new cn.meizhi.shared.DataLoading();
		StartingUp startingUp = new StartingUp(loading);
		MockMvc mvc = MockMvcBuilders.standaloneSetup(new SignIn())
			.addInterceptors(startingUp)
			.setControllerAdvice(new ErrorAdvice(new StaticMessageSource(),
					new MockEnvironment().withProperty("meizhi.demo.enabled", "true")))
			.build();
		// a node starting on data that is already there serves at once
		mvc.perform(get("/login")).andExpect(status().isOk());
		loading.during(() -> {
			try {
				mvc.perform(get("/login"))
					.andExpect(status().isServiceUnavailable())
					.andExpect(header().string("Retry-After", "5"))
					.andExpect(model().attribute("detail", "error.starting.demo"))
					.andExpect(model().attribute("heading", "error.starting.title"));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		mvc.perform(get("/login")).andExpect(status().isOk());
	}

}
