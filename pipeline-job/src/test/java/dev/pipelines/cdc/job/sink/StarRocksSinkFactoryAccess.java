package dev.pipelines.cdc.job.sink;

import com.starrocks.connector.flink.table.sink.StarRocksSinkOptions;
import dev.pipelines.cdc.config.PipelineConfig;
import dev.pipelines.cdc.job.Credentials;
import dev.pipelines.cdc.job.ddl.TargetTable;
import java.util.List;

/** Test access to the package-private connector options, for tests outside this package. */
public final class StarRocksSinkFactoryAccess {
  private StarRocksSinkFactoryAccess() {}

  public static StarRocksSinkOptions options(PipelineConfig config, Credentials credentials, List<TargetTable> tables) {
    return StarRocksSinkFactory.options(config, credentials, tables);
  }
}
