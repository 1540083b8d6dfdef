package dev.pipelines.cdc.operator.desired;

import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import java.util.Map;
import java.util.TreeMap;

/** The {@code app.kubernetes.io/*} labels on everything the operator creates for a pipeline. */
public final class Labels {
  public static final String NAME = "app.kubernetes.io/name";
  public static final String INSTANCE = "app.kubernetes.io/instance";
  public static final String COMPONENT = "app.kubernetes.io/component";
  public static final String PART_OF = "app.kubernetes.io/part-of";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

  public static final String APP_NAME = "cdc-pipeline";
  public static final String MANAGER = "cdc-pipeline-operator";
  /**
   * What the operator's informers for its own objects select: without it they would list, watch and cache
   * every ConfigMap and FlinkDeployment in the watched namespaces (all of them, by default).
   */
  public static final String MANAGED_SELECTOR = MANAGED_BY + "=" + MANAGER;

  private Labels() {}

  /** Labels for one component of a pipeline, e.g. {@code flink-job} or {@code pipeline-config}. */
  public static Map<String, String> forComponent(CdcPipeline pipeline, String component) {
    Map<String, String> labels = new TreeMap<>();
    labels.put(NAME, APP_NAME);
    labels.put(INSTANCE, pipeline.getMetadata().getName());
    labels.put(COMPONENT, component);
    labels.put(PART_OF, APP_NAME);
    labels.put(MANAGED_BY, MANAGER);
    return labels;
  }
}
