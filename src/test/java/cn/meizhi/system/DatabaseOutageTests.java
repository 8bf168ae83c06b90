package cn.meizhi.system;

import cn.meizhi.system.internal.ErrorAdvice;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * When the database does not answer (the pool gives up after its 3 s connection timeout),
 * a request gets the error page with 503 and Retry-After at once, never a hanging request
 * or a 500.
 */
class DatabaseOutageTests {

	@Controller
	static class PagesDuringAnOutage {

		@GetMapping("/no-connection")
		String noConnection() {
			throw new CannotGetJdbcConnectionException("Connection is not available, request timed out after 3000ms");
		}

		@GetMapping("/no-transaction")
		String noTransaction() {
			throw new CannotCreateTransactionException("Could not open JPA EntityManager for transaction");
		}

	}

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new PagesDuringAnOutage())
		.setControllerAdvice(new ErrorAdvice(new org.springframework.context.support.StaticMessageSource(),
				new org.springframework.mock.env.MockEnvironment()))
		.build();

	@Test
	void aLostDatabaseIsAServiceUnavailablePageThatSaysSo() throws Exception {
		for (String path : new String[] { "/no-connection", "/no-transaction" }) {
			mvc.perform(get(path))
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().string("Retry-After", "30"))
				.andExpect(view().name("error"))
				.andExpect(model().attribute("detail", "error.unavailable"));
		}
	}

}
