package dev.pipelines.cdc.job.sink;

import com.starrocks.connector.flink.table.sink.StarRocksSinkRowDataWithMeta;
import dev.pipelines.cdc.job.source.ChangeRow;
import java.util.Map;
import org.apache.flink.api.common.functions.MapFunction;

/** Names the target database and table of each change. */
public final class ToStarRocksRow implements MapFunction<ChangeRow, StarRocksSinkRowDataWithMeta> {
  private static final long serialVersionUID = 1L;

  private final String database;
  private final Map<String, String> targetBySource;

  public ToStarRocksRow(String database, Map<String, String> targetBySource) {
    this.database = database;
    this.targetBySource = Map.copyOf(targetBySource);
  }

  @Override
  public StarRocksSinkRowDataWithMeta map(ChangeRow change) {
    StarRocksSinkRowDataWithMeta row = new StarRocksSinkRowDataWithMeta();
    row.setDatabase(database);
    row.setTable(targetBySource.get(change.sourceTable));
    row.addDataRow(change.json);
    return row;
  }
}
