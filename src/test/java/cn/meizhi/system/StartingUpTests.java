package cn.meizhi.system;

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

/** Until the node is ready, pages say it is starting (in demo mode: the demo data is loading). */
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
	void pagesAnswer503StartingUntilTheNodeIsReadyThenServe() throws Exception {
		StartingUp startingUp = new StartingUp();
		MockMvc mvc = MockMvcBuilders.standaloneSetup(new SignIn())
			.addInterceptors(startingUp)
			.setControllerAdvice(new ErrorAdvice(new StaticMessageSource(),
					new MockEnvironment().withProperty("meizhi.demo.enabled", "true")))
			.build();
		mvc.perform(get("/login"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(model().attribute("detail", "error.starting.demo"))
			.andExpect(model().attribute("heading", "error.starting.title"));
		startingUp.ready();
		mvc.perform(get("/login")).andExpect(status().isOk());
	}

}
