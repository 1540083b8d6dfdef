package dev.pipelines.cdc.job.source;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.cdc.connectors.base.source.meta.split.SourceSplitBase;
import org.apache.flink.cdc.connectors.base.source.meta.split.StreamSplit;
import io.debezium.relational.Table;
import io.debezium.relational.TableId;
import io.debezium.relational.history.TableChanges.TableChange;
import io.debezium.relational.history.TableChanges.TableChangeType;

/**
 * flink-cdc's stream source without its start filter, which drops changes of transactions that overlap
 * the start position. In stream-only mode flink-cdc 3.5.0's fetcher ({@code
 * IncrementalSourceStreamFetcher.configureFilter}) lets a change of a table listed in the stream split's
 * schemas through only if the change's own WAL position is at or after the split's starting position,
 * until one such change of that table has passed. Postgres sends transactions in commit order, and a
 * change's position is where it was written, not where its transaction committed: a transaction begun
 * before the position a checkpoint holds and committed after it has its first changes below that
 * position. Debezium replays it whole on the restore (its resume goes by commit positions), and the
 * filter dropped those changes: measured in {@code TransactionsAcrossRestoreIT} (one transaction open
 * across a checkpoint and a restore: its UPDATE and INSERT never arrived, both semantics). The same
 * filter starts from the consistent point at a first start (a transaction begun while the slot was
 * created and committed after that point; not tested).
 *
 * <p>The reader gives the delegate each stream split with one placeholder schema instead of the captured
 * tables' (of a table no pipeline captures, {@link #PLACEHOLDER}; empty, the reader would discover the
 * tables' schemas again, {@code IncrementalSourceReader.discoverTableSchemasForStreamSplit}): the filter
 * then holds back no captured table and passes every change Debezium delivers ({@code
 * hasEnterPureStreamPhase} with newly-added-table scanning off). Which changes those are is Debezium's
 * resume, by commit positions ({@code WalPositionLocator}). For Postgres the schemas serve nothing
 * else: Debezium's Postgres schema is read from the database and from pgoutput's relation messages.
 */
public final class OverlappingTransactionsKept<T, S extends SourceSplit, C> extends ForwardingSource<T, S, C> {
  private static final long serialVersionUID = 1L;
  /** Not a table: the schema name has a character unquoted identifiers cannot hold, and no table list matches it. */
  static final TableId PLACEHOLDER = new TableId(null, "cdc-pipelines", "no start filter");

  public <W extends Source<T, S, C> & ResultTypeQueryable<T>> OverlappingTransactionsKept(W delegate) {
    super(delegate);
  }

  @Override
  public SourceReader<T, S> createReader(SourceReaderContext context) throws Exception {
    return new Reader<>(super.createReader(context));
  }

  static final class Reader<T, S extends SourceSplit> extends ForwardingReader<T, S> {
    Reader(SourceReader<T, S> delegate) {
      super(delegate);
    }

    @Override
    public void addSplits(List<S> splits) {
      super.addSplits(splits.stream().map(Reader::withPlaceholderSchema).toList());
    }

    /** A stream split as it was, with only the placeholder's schema; any other split unchanged. */
    @SuppressWarnings("unchecked")
    static <S extends SourceSplit> S withPlaceholderSchema(S split) {
      if (!(split instanceof SourceSplitBase base) || !base.isStreamSplit()) {
        return split;
      }
      StreamSplit stream = base.asStreamSplit();
      // Mutable: the reader's split state adds schemas it records.
      Map<TableId, TableChange> schemas = new HashMap<>();
      schemas.put(PLACEHOLDER, new TableChange(TableChangeType.CREATE, Table.editor().tableId(PLACEHOLDER).create()));
      return (S) new StreamSplit(stream.splitId(), stream.getStartingOffset(), stream.getEndingOffset(),
          stream.getFinishedSnapshotSplitInfos(), schemas, stream.getTotalFinishedSplitSize(),
          stream.isSuspended(), stream.isSnapshotCompleted());
    }
  }
}
