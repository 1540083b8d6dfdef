package dev.pipelines.cdc.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rendered field is a Kubernetes field. A misspelt key (say {@code readOnlyRootFilesytem})
 * is dropped by the API server with at most a warning; fabric8 keeps it in
 * {@code additionalProperties}, which this walks for.
 */
class KnownFieldsTest {

  static Stream<Values> combinations() {
    return Stream.of(
        Values.defaults(),
        Values.defaults().with("watchNamespaces", List.of("data", "analytics")),
        Values.defaults().with("serviceAccount.create", false).with("serviceAccount.name", "existing"),
        Values.defaults()
            .with("metrics.scrapeAnnotations", true)
            .with("defaultStateDir", "s3://bucket/cdc")
            .with("imagePullSecrets", List.of(Map.of("name", "regcred")))
            .with("nodeSelector", Map.of("kubernetes.io/os", "linux"))
            .with("tolerations", List.of(Map.of("key", "dedicated", "operator", "Exists")))
            .with("extraEnv", List.of(Map.of("name", "HTTPS_PROXY", "value", "http://proxy:3128"))));
  }

  @ParameterizedTest
  @MethodSource("combinations")
  void noUnknownFields(Values values) {
    for (HasMetadata object : HelmChart.render(values).objects()) {
      List<String> unknown = new ArrayList<>();
      collectUnknown(object, object.getKind(), unknown);

      assertThat(unknown).as("unknown fields in %s %s", object.getKind(), object.getMetadata().getName()).isEmpty();
    }
  }

  /** Walks fabric8 model objects through their getters, collecting additionalProperties keys. */
  private static void collectUnknown(Object node, String path, List<String> unknown) {
    if (node instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        collectUnknown(item, path + "[" + i++ + "]", unknown);
      }
      return;
    }
    if (node == null || !node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
      return;
    }
    for (Method getter : node.getClass().getMethods()) {
      if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
          || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
        continue;
      }
      Object value = invoke(getter, node);
      if (getter.getName().equals("getAdditionalProperties") && value instanceof Map<?, ?> extra) {
        extra.keySet().forEach(k -> unknown.add(path + "." + k));
      } else if (!(value instanceof Map<?, ?>)) {
        collectUnknown(value, path + "." + getter.getName().substring(3), unknown);
      }
    }
  }

  private static Object invoke(Method getter, Object target) {
    try {
      return getter.invoke(target);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(getter + " failed", e);
    }
  }
}
