package dev.pipelines.cdc.operator.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * No package of the operator depends, directly or through others, on a package that depends back on it. Checked
 * twice: by ArchUnit on the bytecode (every type use, also through fully qualified names and generics), and on the
 * source text, because javac inlines {@code static final String} constants and the bytecode then shows no
 * dependency at all (see {@link SourceDependencies}). The CRD model ({@code api}) is a module of its own
 * (operator-api), so Maven already keeps it from depending back on the operator.
 */
class PackageCyclesTest {
  private static final String ROOT = "dev.pipelines.cdc.operator";

  @Test
  void noCycleBetweenTypes() {
    JavaClasses operator = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(ROOT);

    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(operator);
  }

  @Test
  void noCycleInTheSourcesIncludingConstants() {
    SourceDependencies sources = SourceDependencies.read(ROOT, Path.of("src", "main", "java"));

    assertThat(sources.cycles()).as("package cycles in operator/src/main/java").isEmpty();
  }
}
