package cn.meizhi.demo.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import cn.meizhi.shared.CurrentUser;
import cn.meizhi.standard.StandardAuthoring;

import org.springframework.core.io.ClassPathResource;

/**
 * The built-in example standard, imported from its JSON export through the normal import
 * and published.
 */
public final class ExampleStandard {

	static final CurrentUser AUTHOR = DemoPeople.ADMIN;

	private ExampleStandard() {
	}

	/** Imports and publishes the example standard; returns the published version's id. */
	public static long load(StandardAuthoring authoring) {
		try (InputStream json = new ClassPathResource("demo/example-standard.json").getInputStream()) {
			var result = authoring.importJson(AUTHOR, json);
			if (!result.succeeded()) {
				throw new IllegalStateException("The example standard does not import: " + result.problems());
			}
			long published = result.version().getId();
			authoring.publish(AUTHOR, published);
			return published;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
