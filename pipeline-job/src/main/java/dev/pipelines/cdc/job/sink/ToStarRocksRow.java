package dev.pipelines.cdc.job.sink;

import com.starrocks.connector.flink.table.sink.StarRocksSinkRowDataWithMeta;
import dev.pipelines.cdc.job.source.ChangeRow;
import dev.pipelines.cdc.job.types.StarRocksJson;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * Names the target database and table of each change, and, where a route merges tables into one, adds
 * the source table's name to the row (a key column of the merged table): one place for the snapshot's
 * rows and the stream's, after the TOAST read-back, which reads the row by its source key.
 */
public final class ToStarRocksRow implements MapFunction<ChangeRow, StarRocksSinkRowDataWithMeta> {
  private static final long serialVersionUID = 1L;

  private final String database;
  private final Map<String, String> targetBySource;
  /** By source table: the JSON member {@code "<column>":"<schema.table>",} its rows start with; absent: none. */
  private final Map<String, String> sourceMemberBySource;

  public ToStarRocksRow(String database, Map<String, String> targetBySource) {
    this(database, targetBySource, Map.of());
  }

  /** @param sourceTableColumnBySource the column holding the source table, for the tables a route merges */
  public ToStarRocksRow(String database, Map<String, String> targetBySource,
      Map<String, String> sourceTableColumnBySource) {
    this.database = database;
    this.targetBySource = Map.copyOf(targetBySource);
    Map<String, String> members = new HashMap<>();
    sourceTableColumnBySource.forEach((source, column) -> {
      StringBuilder member = new StringBuilder();
      StarRocksJson.string(member, column);
      member.append(':');
      StarRocksJson.string(member, source);
      members.put(source, member.append(',').toString());
    });
    this.sourceMemberBySource = Map.copyOf(members);
  }

  @Override
  public StarRocksSinkRowDataWithMeta map(ChangeRow change) {
    StarRocksSinkRowDataWithMeta row = new StarRocksSinkRowDataWithMeta();
    row.setDatabase(database);
    row.setTable(targetBySource.get(change.sourceTable));
    String member = sourceMemberBySource.get(change.sourceTable);
    // Every row is a JSON object with at least __op: the member goes right after its opening brace.
    row.addDataRow(member == null ? change.json : "{" + member + change.json.substring(1));
    return row;
  }
}
