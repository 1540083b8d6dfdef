package dev.pipelines.cdc.operator.reconciler;

import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.api.v1alpha1.Condition;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes Kubernetes Events about a pipeline: each change of Ready, and what deletion did in the database. */
final class EventRecorder {
  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
  static final String COMPONENT = "cdc-pipeline-operator";

  private final Clock clock;

  EventRecorder(Clock clock) {
    this.clock = clock;
  }

  /** Records {@code now} if it differs from {@code before} in status or reason. */
  void onReadyChange(KubernetesClient client, CdcPipeline pipeline, Condition before, Condition now) {
    if (before != null && before.status().equals(now.status()) && before.reason().equals(now.reason())) {
      return;
    }
    record(client, pipeline, now.isTrue() ? "Normal" : "Warning", now.reason(), now.message());
  }

  /**
   * Records a warning condition (True = something to look at) when it turns True, and when it
   * clears again: these never change Ready, so without an event nobody would hear of them.
   */
  void onWarningChange(KubernetesClient client, CdcPipeline pipeline, Condition before, Condition now) {
    boolean was = before != null && before.isTrue();
    if (now == null || was == now.isTrue()) {
      return;
    }
    if (now.isTrue()) {
      warning(client, pipeline, now.reason(), now.message());
    } else if (was) {
      normal(client, pipeline, now.reason(), now.message());
    }
  }

  void normal(KubernetesClient client, CdcPipeline pipeline, String reason, String message) {
    record(client, pipeline, "Normal", reason, message);
  }

  void warning(KubernetesClient client, CdcPipeline pipeline, String reason, String message) {
    record(client, pipeline, "Warning", reason, message);
  }

  private void record(KubernetesClient client, CdcPipeline pipeline, String type, String reason, String message) {
    String time = DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    try {
      client.v1().events().inNamespace(pipeline.getMetadata().getNamespace()).resource(
          new EventBuilder()
              .withNewMetadata()
              .withGenerateName(pipeline.getMetadata().getName() + ".")
              .withNamespace(pipeline.getMetadata().getNamespace())
              .endMetadata()
              .withNewInvolvedObject()
              .withApiVersion(pipeline.getApiVersion())
              .withKind(pipeline.getKind())
              .withName(pipeline.getMetadata().getName())
              .withNamespace(pipeline.getMetadata().getNamespace())
              .withUid(pipeline.getMetadata().getUid())
              .endInvolvedObject()
              .withType(type)
              .withReason(reason)
              .withMessage(message)
              .withFirstTimestamp(time)
              .withLastTimestamp(time)
              .withCount(1)
              .withNewSource(COMPONENT, null)
              .withReportingComponent(COMPONENT)
              .build()).create();
    } catch (KubernetesClientException e) {
      // An event is a courtesy; the status already says the same thing.
      LOG.warn("could not record event {} for {}/{}: {}", reason,
          pipeline.getMetadata().getNamespace(), pipeline.getMetadata().getName(), e.getMessage());
    }
  }
}
