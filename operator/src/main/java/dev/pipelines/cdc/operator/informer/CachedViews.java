package dev.pipelines.cdc.operator.informer;

import dev.pipelines.cdc.operator.progress.JobManagerAddress;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;
import org.apache.flink.kubernetes.operator.api.spec.FlinkDeploymentSpec;
import org.apache.flink.kubernetes.operator.api.spec.JobSpec;

/**
 * What the operator's informers keep of each object: the fields the operator reads, nothing it only writes.
 * Measured on a real API server (docs/performance.md): a FlinkDeployment's spec with its managedFields and a
 * ConfigMap's data with its managedFields were more than half of the operator's heap per pipeline. The operator
 * tells whether they are as desired by their {@code DesiredHash} annotation, which every view keeps with the
 * rest of the metadata (owner references map them to their pipeline).
 *
 * <p>A new reader of a field dropped here must keep it here too; {@code CachedViewsTest} checks that each
 * reader's answer is the same on the view as on the object.
 */
public final class CachedViews {
  private CachedViews() {}

  /**
   * A CdcPipeline: everything but managedFields (a third of its JSON on a real API server: the creator's, the
   * finalizer's and the status' server-side apply entries).
   */
  public static <T extends HasMetadata> T withoutManagedFields(T object) {
    if (object.getMetadata() != null) {
      object.getMetadata().setManagedFields(null);
    }
    return object;
  }

  /** A pipeline's ConfigMap: its metadata only (the data is the operator's own, matched by hash). */
  public static ConfigMap configMap(ConfigMap configMap) {
    withoutManagedFields(configMap);
    configMap.setData(null);
    configMap.setBinaryData(null);
    return configMap;
  }

  /**
   * A pipeline's FlinkDeployment: its metadata, its status (the Flink operator's, what the pipeline's status is
   * made of) and of its spec only the job's state (running or suspended) and the REST port.
   */
  public static FlinkDeployment flinkDeployment(FlinkDeployment deployment) {
    withoutManagedFields(deployment);
    FlinkDeploymentSpec spec = deployment.getSpec();
    if (spec != null) {
      FlinkDeploymentSpec kept = new FlinkDeploymentSpec();
      if (spec.getJob() != null) {
        JobSpec job = new JobSpec();
        job.setState(spec.getJob().getState());
        kept.setJob(job);
      }
      String port = spec.getFlinkConfiguration() == null ? null
          : spec.getFlinkConfiguration().get(JobManagerAddress.REST_PORT_KEY);
      if (port != null) {
        kept.setFlinkConfiguration(Map.of(JobManagerAddress.REST_PORT_KEY, port));
      }
      deployment.setSpec(kept);
    }
    // The Flink operator keeps the spec it last deployed, and the last stable one, as JSON in the status (read by
    // its lifecycle state): once the job is stable they are equal, and one string is kept for both.
    var reconciliation = deployment.getStatus() == null ? null : deployment.getStatus().getReconciliationStatus();
    if (reconciliation != null && reconciliation.getLastStableSpec() != null
        && reconciliation.getLastStableSpec().equals(reconciliation.getLastReconciledSpec())) {
      reconciliation.setLastStableSpec(reconciliation.getLastReconciledSpec());
    }
    return deployment;
  }
}
