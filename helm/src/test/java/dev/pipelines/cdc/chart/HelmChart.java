package dev.pipelines.cdc.chart;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * The chart in {@code helm/cdc-operator}, linted and rendered by Helm itself (helm-java embeds Helm
 * as a native library: no binary, no cluster, no network).
 */
public final class HelmChart {
  /** The release of the documented install: {@code helm install cdc-operator ... -n cdc-system}. */
  public static final String RELEASE = "cdc-operator";
  public static final String NAMESPACE = "cdc-system";
  public static final String CRD_FILE = "cdcpipelines.cdc.pipelines.dev-v1.yml";
  /**
   * Kubernetes version rendered against: Helm's template default (1.20) is below the chart's
   * kubeVersion. The templates use nothing version-specific beyond that floor.
   */
  public static final String KUBE_VERSION = "v1.32.0";

  private HelmChart() {}

  /** The chart directory (the pom passes it; the fallback works from {@code helm/}). */
  public static Path dir() {
    return Path.of(System.getProperty("chart.dir", "cdc-operator"));
  }

  /** The Maven project version, which Chart.yaml and both image tags must carry. */
  public static String projectVersion() {
    return requiredProperty("project.version");
  }

  static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("system property " + name + " is not set: run the tests through Maven");
    }
    return value;
  }

  /** {@code helm lint --strict} of a chart directory. */
  public static LintResult lintStrict(Path chartDir) {
    return new Helm(chartDir).lint().strict().call();
  }

  /** {@code helm template} of the documented release with these values (CRDs are not part of it). */
  public static Rendered render(Values values) {
    return render(RELEASE, values);
  }

  public static Rendered render(String release, Values values) {
    return Rendered.parse(renderYaml(release, values, KUBE_VERSION));
  }

  /** The rendered manifests as Helm prints them. */
  static String renderYaml(String release, Values values, String kubeVersion) {
    return withValuesFile(values, file -> new Helm(dir()).template()
        .withName(release)
        .withNamespace(NAMESPACE)
        .withKubeVersion(kubeVersion)
        .withValuesFile(file)
        .call());
  }

  /** What {@code helm install} prints after installing (a client-only dry run: no cluster). */
  public static String notes(Values values) {
    String output = withValuesFile(values, file -> new Helm(dir()).install()
        .withName(RELEASE)
        .withNamespace(NAMESPACE)
        .withKubeVersion(KUBE_VERSION)
        .withValuesFile(file)
        .clientOnly()
        .dryRun()
        .call()
        .getOutput());
    int notes = output.indexOf("NOTES:");
    if (notes < 0) {
      throw new IllegalStateException("no NOTES in the install output:\n" + output);
    }
    return output.substring(notes);
  }

  /** The chart's own values.yaml, as a map. */
  public static Map<String, Object> defaultValues() {
    try {
      return Serialization.unmarshal(Files.readString(dir().resolve("values.yaml")), Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Values go through a file rather than {@code set()}: types stay exact, and helm-java's
   * {@code set("watchNamespaces", "{a,b}")} passes a string, not a list.
   */
  private static <T> T withValuesFile(Values values, Function<Path, T> helm) {
    Path file = null;
    try {
      file = Files.createTempFile("values-", ".yaml");
      Files.writeString(file, Serialization.asYaml(values.asMap()));
      return helm.apply(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // a temp file left behind is harmless
        }
      }
    }
  }
}
