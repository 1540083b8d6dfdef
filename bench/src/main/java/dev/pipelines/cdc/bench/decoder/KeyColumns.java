package dev.pipelines.cdc.bench.decoder;

import java.util.List;

/**
 * A table's StarRocks key columns, when they are not what the Relation message marks. pgoutput marks the
 * replica identity: the primary key under REPLICA IDENTITY DEFAULT, but every column under FULL, where an
 * update of any column would then look like a key change (a delete row before the upsert: the right final
 * state, twice the rows) and delete rows would carry every column.
 */
@FunctionalInterface
public interface KeyColumns {
  /** The replica identity as pgoutput marks it. */
  KeyColumns REPLICA_IDENTITY = (namespace, table) -> null;

  /** @return the key's column names, or null to keep the Relation message's replica identity */
  List<String> of(String namespace, String table);
}
