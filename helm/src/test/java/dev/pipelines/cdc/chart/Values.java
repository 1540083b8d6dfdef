package dev.pipelines.cdc.chart;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Chart values for one rendering, set by dotted path ({@code serviceAccount.create}); written to a
 * values file, so types are exact (a string stays a string, unlike {@code --set}).
 */
public final class Values {
  private final Map<String, Object> root;

  private Values(Map<String, Object> root) {
    this.root = root;
  }

  /** The chart's defaults: nothing overridden. */
  public static Values defaults() {
    return new Values(new LinkedHashMap<>());
  }

  /** A copy with {@code path} set to {@code value}. */
  public Values with(String path, Object value) {
    Map<String, Object> copy = deepCopy(root);
    String[] keys = path.split("\\.");
    Map<String, Object> node = copy;
    for (int i = 0; i < keys.length - 1; i++) {
      node = child(node, keys[i]);
    }
    node.put(keys[keys.length - 1], value);
    return new Values(copy);
  }

  Map<String, Object> asMap() {
    return deepCopy(root);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> child(Map<String, Object> node, String key) {
    return (Map<String, Object>) node.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deepCopy(Map<String, Object> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : v));
    return copy;
  }

  @Override
  public String toString() {
    return root.toString();
  }
}
