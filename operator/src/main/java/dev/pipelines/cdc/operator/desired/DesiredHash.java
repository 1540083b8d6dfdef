package dev.pipelines.cdc.operator.desired;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipelines.cdc.operator.naming.Names;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A hash of a desired object, carried on the object itself as an annotation. The operator tells "the object in
 * the cluster is what we want" by comparing this annotation with the one it would write, so its informers need
 * not cache what it writes (the ConfigMap's data, the FlinkDeployment's spec and their managedFields): at
 * 10,000 pipelines those were most of the operator's heap (docs/performance.md).
 *
 * <p>The hash covers every field the operator sets, in a canonical JSON (properties and map entries sorted), so
 * it is the same in every JVM and changes with any change the operator would apply. What it does not see: an
 * object changed by someone else. Such an edit stays until the pipeline's desired object changes (docs).
 */
public final class DesiredHash {
  public static final String ANNOTATION = "cdc.pipelines.dev/desired-hash";
  private static final int HASH_CHARS = 16;
  private static final JsonMapper CANONICAL = JsonMapper.builder()
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .build();

  private DesiredHash() {}

  /** The object with its hash annotation set (the object itself, changed). */
  static <T extends HasMetadata> T stamped(T object) {
    String hash = of(object);
    Map<String, String> annotations = object.getMetadata().getAnnotations() == null
        ? new TreeMap<>() : new TreeMap<>(object.getMetadata().getAnnotations());
    annotations.put(ANNOTATION, hash);
    object.getMetadata().setAnnotations(annotations);
    return object;
  }

  /** The hash of everything in {@code object} but its own hash annotation. */
  static String of(HasMetadata object) {
    ObjectNode tree = CANONICAL.valueToTree(object);
    if (tree.path("metadata") instanceof ObjectNode metadata
        && metadata.path("annotations") instanceof ObjectNode annotations) {
      annotations.remove(ANNOTATION);
      if (annotations.isEmpty()) {
        metadata.remove("annotations");
      }
    }
    try {
      return Names.sha256Hex(CANONICAL.writeValueAsString(tree)).substring(0, HASH_CHARS);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a desired object is always serializable: " + object.getKind(), e);
    }
  }

  /** The object in the cluster carries the hash of the desired one: nothing to apply. */
  public static boolean matches(HasMetadata actual, HasMetadata desired) {
    String wanted = annotation(desired);
    return wanted != null && Objects.equals(annotation(actual), wanted);
  }

  private static String annotation(HasMetadata object) {
    Map<String, String> annotations = object.getMetadata() == null ? null : object.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(ANNOTATION);
  }
}
