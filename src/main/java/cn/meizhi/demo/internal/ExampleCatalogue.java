package cn.meizhi.demo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import cn.meizhi.procedure.ProcedureCatalogue;

import org.springframework.core.io.ClassPathResource;

/**
 * The demo's example procedure catalogue (94 procedures in the four specialties, the
 * level rule of the issue), imported from {@code demo/example-procedure-catalogue.json}
 * through the normal JSON import and published. Marked as an example.
 */
final class ExampleCatalogue {

	private ExampleCatalogue() {
	}

	static long load(ProcedureCatalogue catalogue) {
		try (InputStream json = new ClassPathResource("demo/example-procedure-catalogue.json").getInputStream()) {
			var result = catalogue.importJson(ExampleStandard.AUTHOR, json);
			if (!result.succeeded()) {
				throw new IllegalStateException("The example catalogue does not import: " + result.problems());
			}
			catalogue.publish(ExampleStandard.AUTHOR, result.version().getId());
			return result.version().getId();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
