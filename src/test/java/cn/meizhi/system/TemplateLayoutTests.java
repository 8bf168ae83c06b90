package cn.meizhi.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Templates, stylesheets and scripts keep what {@code .editorconfig} says of them: two
 * spaces, no trailing blanks, a final newline. (Java sources are checked by
 * spring-javaformat in the build.)
 */
class TemplateLayoutTests {

	@Test
	void templatesStylesheetsAndScriptsFollowTheEditorConfig() throws IOException {
		List<String> faults = new ArrayList<>();
		for (String folder : List.of("src/main/resources/templates", "src/main/resources/static/css",
				"src/main/resources/static/js")) {
			try (Stream<Path> files = Files.walk(Path.of(folder))) {
				for (Path file : files.filter(Files::isRegularFile).toList()) {
					String text = Files.readString(file);
					if (!text.endsWith("\n")) {
						faults.add(file + ": no final newline");
					}
					String[] lines = text.split("\n", -1);
					for (int i = 0; i < lines.length; i++) {
						if (lines[i].startsWith("\t")) {
							faults.add(file + ":" + (i + 1) + ": indented with a tab");
						}
						if (lines[i].endsWith(" ") || lines[i].endsWith("\t") || lines[i].endsWith("\r")) {
							faults.add(file + ":" + (i + 1) + ": trailing blank or CR");
						}
					}
				}
			}
		}
		assertThat(faults).isEmpty();
	}

}
