package dev.pipelines.cdc.operator.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** One PostgreSQL → StarRocks change-data-capture pipeline, run as a Flink job. */
@Group(CdcPipeline.GROUP)
@Version(CdcPipeline.VERSION)
@Kind("CdcPipeline")
@Plural("cdcpipelines")
@ShortNames("cdcp")
@AdditionalPrinterColumn(
    name = "Snapshot",
    jsonPath = ".status.snapshot.progress",
    type = AdditionalPrinterColumn.Type.STRING,
    getDescription = "The initial snapshot's progress: percent done, done, pending or unknown")
@AdditionalPrinterColumn(
    name = "Lag",
    jsonPath = ".status.source.lagBytes",
    type = AdditionalPrinterColumn.Type.INTEGER,
    getDescription = "Bytes of WAL written since the job's confirmed position in the replication slot")
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class CdcPipeline extends CustomResource<CdcPipelineSpec, CdcPipelineStatus>
    implements Namespaced {
  public static final String GROUP = "cdc.pipelines.dev";
  public static final String VERSION = "v1alpha1";
}
