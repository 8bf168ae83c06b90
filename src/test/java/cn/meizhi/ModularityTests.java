package cn.meizhi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The modules' walls: each {@code package-info.java} declares the modules it may use, and
 * the build fails on any other arrow, on a cycle, or on a reach past a module's public
 * face.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(MeizhiApplication.class);

	@Test
	void modulesUseOnlyTheModulesTheyDeclareThroughTheirPublicFaceAndWithoutCycles() {
		modules.verify();
	}

	@Test
	void theVerificationRefusesAnUndeclaredDependency() {
		// a fixture of two modules: "demo" uses "directory" without declaring it
		var violations = ApplicationModules.of("example.walls", location -> true).detectViolations();

		assertThat(violations.hasViolations()).isTrue();
		assertThat(violations.getMessages())
			.anySatisfy(message -> assertThat(message).contains("Module 'demo' depends on module 'directory'"));
	}

	@Test
	void theDomainNeverUsesAWebController() {
		JavaClasses classes = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
			.importPackages("cn.meizhi");

		noClasses().that()
			.areNotMetaAnnotatedWith(Controller.class)
			.and()
			.areNotMetaAnnotatedWith(ControllerAdvice.class)
			.should()
			.dependOnClassesThat()
			.areMetaAnnotatedWith(Controller.class)
			.because(
					"controllers are the web's entry points; nothing in the domain calls them (their advice may name them)")
			.check(classes);
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

	/**
	 * docs/modules/components.puml is the Documenter's diagram of the modules and their
	 * arrows, committed: it must say what the code does (its lines in any order). After a
	 * change of arrows:
	 * {@code cp target/spring-modulith-docs/components.puml docs/modules/}.
	 */
	@Test
	void theCommittedModuleDiagramShowsTheModulesAsTheyAre() throws IOException {
		Path generated = Files.createTempDirectory("modulith-docs");
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(generated.toString()))
			.writeModulesAsPlantUml();

		assertThat(sortedLines(Path.of("docs/modules/components.puml")))
			.isEqualTo(sortedLines(generated.resolve("components.puml")));
	}

	private static List<String> sortedLines(Path file) throws IOException {
		return Files.readAllLines(file).stream().map(String::strip).filter(line -> !line.isEmpty()).sorted().toList();
	}

}
