package dev.pipelines.cdc.job.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.config.JobImageLayout;
import dev.pipelines.cdc.testsupport.image.ImageConfig;
import dev.pipelines.cdc.testsupport.image.ImageTar;
import dev.pipelines.cdc.testsupport.image.Layer;
import dev.pipelines.cdc.testsupport.image.LayerEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The job image tar of the default build (target/jib-image.tar), built on the offline stand-in for the Flink image
 * (target/jib-test-base/): the base untouched, plus one layer with the shaded job jar where the operator's
 * FlinkDeployment looks for it.
 */
class JobImageIT {
  private static final String JAR_PATH = JobImageLayout.USRLIB_DIR + "/" + JobImageLayout.JAR_FILE;

  private static ImageTar base;
  private static ImageTar image;

  @BeforeAll
  static void read() {
    base = ImageTar.read(Path.of(System.getProperty("image.base.tar")));
    image = ImageTar.read(Path.of(System.getProperty("image.tar")));
  }

  @Test
  void taggedWithTheJobImageNameTheOperatorDefaultsTo() {
    // The same root-pom property fills the operator's cdc-operator-build.properties (checked in OperatorImageIT).
    assertThat(image.repoTags()).containsExactly(System.getProperty("job.image"));
  }

  @Test
  void entrypointCommandUserAndEnvironmentAreTheBase() {
    ImageConfig from = base.config();
    assertThat(from.entrypoint()).as("the stand-in base sets them, so inheriting is visible").isNotEmpty();
    assertThat(from.cmd()).isNotEmpty();
    assertThat(from.user()).isNotEmpty();
    assertThat(from.env()).isNotEmpty();

    ImageConfig job = image.config();
    assertThat(job.entrypoint()).isEqualTo(from.entrypoint());
    assertThat(job.cmd()).isEqualTo(from.cmd());
    assertThat(job.user()).isEqualTo(from.user());
    assertThat(job.env()).isEqualTo(from.env());
    assertThat(job.workingDir()).isEqualTo(from.workingDir());
    assertThat(job.exposedPorts()).isEqualTo(from.exposedPorts());
  }

  @Test
  void theBaseLayersPlusExactlyOneWithTheJobJar() {
    List<String> baseLayers = base.config().diffIds();
    List<String> layers = image.config().diffIds();
    assertThat(layers).hasSize(baseLayers.size() + 1);
    assertThat(layers.subList(0, baseLayers.size())).isEqualTo(baseLayers);

    Layer added = image.layers().get(image.layers().size() - 1);
    assertThat(added.files()).containsExactly(JAR_PATH);
    assertThat(JobImageLayout.JAR_URI).isEqualTo("local://" + JAR_PATH);
  }

  @Test
  void theJarIsTheShadedJobJar() throws IOException {
    LayerEntry jar = image.file(JAR_PATH).orElseThrow();

    assertThat(jar.content()).isEqualTo(Files.readAllBytes(Path.of(System.getProperty("image.job.jar"))));
    assertThat(jar.mode()).isEqualTo(0644);
    assertThat(jar.zipEntryNames()).contains(JobImageLayout.ENTRY_CLASS.replace('.', '/') + ".class");
  }

  @Test
  void reproducibleAndLabelled() {
    assertThat(image.config().releaseProblems(System.getProperty("project.version"))).isEmpty();
  }
}
