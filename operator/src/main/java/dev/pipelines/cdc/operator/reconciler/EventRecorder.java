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

/** Writes a Kubernetes Event when a pipeline's Ready condition changes. */
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
              .withType(now.isTrue() ? "Normal" : "Warning")
              .withReason(now.reason())
              .withMessage(now.message())
              .withFirstTimestamp(time)
              .withLastTimestamp(time)
              .withCount(1)
              .withNewSource(COMPONENT, null)
              .withReportingComponent(COMPONENT)
              .build()).create();
    } catch (KubernetesClientException e) {
      // An event is a courtesy; the status already says the same thing.
      LOG.warn("could not record event {} for {}/{}: {}", now.reason(),
          pipeline.getMetadata().getNamespace(), pipeline.getMetadata().getName(), e.getMessage());
    }
  }
}
