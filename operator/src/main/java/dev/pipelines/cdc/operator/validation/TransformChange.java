package dev.pipelines.cdc.operator.validation;

import dev.pipelines.cdc.config.InvalidPipelineConfigException;
import dev.pipelines.cdc.config.PipelineConfigCodec;
import dev.pipelines.cdc.config.transform.ColumnTransform;
import dev.pipelines.cdc.config.transform.TableTransform;
import dev.pipelines.cdc.operator.desired.PipelineConfigMapFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A change of {@code spec.transforms} on a pipeline whose job has started with other transforms. The job
 * does not read tables again when their transform changes, so StarRocks would hold rows of the old
 * transform beside rows of the new one: a column newly written or renamed NULL in every row not changed
 * since, rows a new filter leaves out still there, a route's target missing what it had. Such a change is
 * refused, and the last good FlinkDeployment keeps running. One change is taken: leaving more columns out
 * ({@code columns.exclude} grown, nothing else changed), whose StarRocks columns are then dropped, which
 * is what a StarRocks table would look like had they always been left out. Pure: the ConfigMap the
 * operator wrote (its annotation of the transforms it gave the job) and the spec's transforms decide.
 */
public final class TransformChange {
  /** On the pipeline's ConfigMap: the transforms its job runs with, as one line of JSON. */
  public static final String ANNOTATION = PipelineConfigMapFactory.TRANSFORMS_ANNOTATION;

  private TransformChange() {}

  /**
   * @param running the pipeline's ConfigMap, if the operator has written one (the job has been deployed)
   * @param desired the spec's transforms
   */
  public static Optional<Violation> of(Optional<ConfigMap> running, List<TableTransform> desired) {
    if (running.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> annotations = running.get().getMetadata().getAnnotations();
    String json = annotations == null ? null : annotations.get(ANNOTATION);
    List<TableTransform> before;
    try {
      // A ConfigMap written before transforms existed: its job runs without any.
      before = json == null ? List.of() : PipelineConfigCodec.readTransforms(json);
    } catch (InvalidPipelineConfigException e) {
      return Optional.empty(); // not ours to judge: the annotation was changed by hand
    }
    if (before.equals(desired) || onlyMoreExcluded(before, desired)) {
      return Optional.empty();
    }
    return Optional.of(new Violation("spec.transforms", "changed since the job started with "
        + PipelineConfigCodec.writeTransforms(before) + " (annotation " + ANNOTATION + " of ConfigMap "
        + running.get().getMetadata().getName() + "); the job does not read tables again when their transform"
        + " changes, so StarRocks would hold rows of both (columns newly written or renamed empty in unchanged rows,"
        + " rows a new filter leaves out still there): restore spec.transforms, or, to load the tables under the new"
        + " transforms, delete this CdcPipeline and the StarRocks tables concerned and create it again. Only leaving"
        + " more columns out (a longer columns.exclude) is taken on a running pipeline"));
  }

  private static boolean onlyMoreExcluded(List<TableTransform> before, List<TableTransform> after) {
    if (before.size() != after.size()) {
      return false;
    }
    for (int i = 0; i < before.size(); i++) {
      TableTransform b = before.get(i);
      TableTransform a = after.get(i);
      ColumnTransform bc = b.columns();
      ColumnTransform ac = a.columns();
      boolean same = b.tables().equals(a.tables()) && b.filter().equals(a.filter())
          && java.util.Objects.equals(b.route(), a.route()) && bc.include().equals(ac.include())
          && bc.rename().equals(ac.rename()) && new HashSet<>(ac.exclude()).containsAll(bc.exclude())
          && (bc.include().isEmpty() || ac.exclude().isEmpty());
      if (!same) {
        return false;
      }
    }
    return true;
  }
}
