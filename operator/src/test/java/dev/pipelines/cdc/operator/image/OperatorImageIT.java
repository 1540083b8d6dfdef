package dev.pipelines.cdc.operator.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.operator.OperatorMain;
import dev.pipelines.cdc.operator.config.OperatorSettings;
import dev.pipelines.cdc.operator.reconciler.CdcPipelineReconciler;
import dev.pipelines.cdc.testsupport.image.ImageTar;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The operator image tar of the default build (target/jib-image.tar): what it runs, as whom, with what. */
class OperatorImageIT {
  private static ImageTar image;
  private static JavaEntrypoint entrypoint;

  @BeforeAll
  static void read() {
    image = ImageTar.read(Path.of(System.getProperty("image.tar")));
    entrypoint = JavaEntrypoint.of(image);
  }

  @Test
  void taggedWithTheOperatorImageName() {
    assertThat(image.repoTags()).containsExactly(System.getProperty("operator.image"));
  }

  @Test
  void runsOperatorMainWithContainerSizedHeapAsANonRootUser() {
    assertThat(entrypoint.executable()).isEqualTo("java");
    assertThat(entrypoint.mainClass()).isEqualTo(OperatorMain.class.getName());
    assertThat(entrypoint.jvmFlags()).anyMatch(f -> f.startsWith("-XX:MaxRAMPercentage="))
        .contains("-XX:+ExitOnOutOfMemoryError");
    assertThat(image.config().user()).isEqualTo("65532:65532");
  }

  @Test
  void exposesTheHttpPort() {
    int port = OperatorSettings.fromEnv(Map.of()).metricsPort();

    assertThat(image.config().exposedPorts()).containsExactly(port + "/tcp");
  }

  @Test
  void classpathIsTheAppAndExactlyItsRuntimeDependencies() throws IOException {
    for (String entry : entrypoint.classpath()) {
      assertThat(image.file(entry)).as("classpath entry %s in the image", entry).isPresent();
    }
    assertThat(image.file(classFile("/app/classes", CdcPipelineReconciler.class.getName()))).isPresent();
    assertThat(image.file(classFile("/app/classes", OperatorMain.class.getName()))).isPresent();

    Set<String> runtimeJars = Arrays.stream(
            Files.readString(Path.of(System.getProperty("image.runtime.classpath"))).trim().split(":"))
        .map(p -> Path.of(p).getFileName().toString())
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(runtimeJars).isNotEmpty().allMatch(n -> n.endsWith(".jar"));
    assertThat(jarNames(entrypoint.classpath())).isEqualTo(runtimeJars);
    assertThat(jarNames(allFiles().stream().filter(f -> f.startsWith("/app/libs/")).toList())).isEqualTo(runtimeJars);
  }

  @Test
  void dependenciesAndAppCodeInSeparateLayersDependenciesFirst() {
    int dependencies = layerOf("/app/libs/" + jarOf(JdkHttpClientFactory.class));
    int classes = layerOf(classFile("/app/classes", OperatorMain.class.getName()));

    assertThat(dependencies).isLessThan(classes);
    assertThat(image.layers().get(dependencies).files()).allMatch(f -> f.startsWith("/app/libs/"));
    assertThat(image.layers().get(classes).files()).allMatch(f -> f.startsWith("/app/classes/"));
  }

  @Test
  void serviceLoaderFilesStayInTheirJars() {
    assertThat(services(HttpClient.Factory.class.getName()))
        .as("one HTTP client for fabric8").containsExactly(JdkHttpClientFactory.class.getName());
    assertThat(services("org.slf4j.spi.SLF4JServiceProvider")).as("slf4j bound to log4j")
        .containsExactly("org.apache.logging.slf4j.SLF4JServiceProvider");
  }

  @Test
  void buildPropertiesNameTheJobImageOfThisBuild() throws IOException {
    Properties props = new Properties();
    props.load(new StringReader(text("/app/resources/cdc-operator-build.properties")));

    assertThat(props.getProperty("job.image"))
        .isEqualTo(System.getProperty("job.image"))
        .isEqualTo(OperatorSettings.fromEnv(Map.of()).defaultJobImage());
  }

  @Test
  void logsWithItsOwnLog4jConfiguration() throws IOException {
    // flink-kubernetes-operator-api brings a log4j2.properties, which log4j would prefer over a log4j2.xml.
    assertThat(entrypoint.jvmFlags()).contains("-Dlog4j2.configurationFile=log4j2.xml");
    try (InputStream ours = OperatorMain.class.getResourceAsStream("/log4j2.xml")) {
      assertThat(text("/app/resources/log4j2.xml")).isEqualTo(new String(ours.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void reproducibleAndLabelled() {
    assertThat(image.config().releaseProblems(System.getProperty("project.version"))).isEmpty();
  }

  private static String classFile(String root, String className) {
    return root + "/" + className.replace('.', '/') + ".class";
  }

  private static String jarOf(Class<?> type) {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().getPath()).getFileName().toString();
  }

  private static Set<String> jarNames(List<String> paths) {
    return paths.stream().filter(p -> p.endsWith(".jar")).map(p -> p.substring(p.lastIndexOf('/') + 1))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static List<String> allFiles() {
    return image.layers().stream().flatMap(l -> l.files().stream()).toList();
  }

  private static int layerOf(String path) {
    for (int i = 0; i < image.layers().size(); i++) {
      if (image.layers().get(i).entries().containsKey(path)) {
        return i;
      }
    }
    throw new AssertionError(path + " is in no layer");
  }

  private static String text(String path) {
    return new String(image.file(path).orElseThrow(() -> new AssertionError(path + " missing")).content(),
        StandardCharsets.UTF_8);
  }

  /** Provider class names in META-INF/services/{@code service} across the jars of /app/libs. */
  private static List<String> services(String service) {
    return image.layers().stream()
        .flatMap(l -> l.entries().values().stream())
        .filter(e -> e.path().startsWith("/app/libs/") && e.path().endsWith(".jar"))
        .flatMap(jar -> jar.zipEntry("META-INF/services/" + service).stream())
        .flatMap(file -> new String(file, StandardCharsets.UTF_8).lines())
        .map(line -> line.replaceFirst("#.*", "").trim())
        .filter(line -> !line.isEmpty())
        .toList();
  }
}
