package io.greenroom;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Dependencies point one way: {@code web} reads everything, {@code admission} reads
 * {@code ome} and {@code stream}, {@code ome} reads {@code stream}, and {@code stream}
 * reads none of them.
 */
class ModularityTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.greenroom");

	@Test
	void streamDependsOnNoOtherModule() {
		noClasses().that()
			.resideInAPackage("io.greenroom.stream..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.greenroom.admission..", "io.greenroom.ome..", "io.greenroom.web..",
					"io.greenroom.account..", "io.greenroom.publish..", "io.greenroom.config..")
			.check(CLASSES);
	}

	@Test
	void omeDoesNotReachIntoAdmissionOrTheWeb() {
		noClasses().that()
			.resideInAPackage("io.greenroom.ome..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.greenroom.admission..", "io.greenroom.web..")
			.check(CLASSES);
	}

	@Test
	void onlyPagesDependOnTheWeb() {
		noClasses().that()
			.resideOutsideOfPackages("io.greenroom.web..", "io.greenroom.layout..", "io.greenroom.tools..",
					"io.greenroom.live..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.greenroom.web..")
			.check(CLASSES);
	}

}
