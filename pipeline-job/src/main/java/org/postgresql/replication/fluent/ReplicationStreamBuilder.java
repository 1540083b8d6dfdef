package org.postgresql.replication.fluent;

import org.postgresql.core.BaseConnection;
import org.postgresql.replication.fluent.logical.ChainedLogicalStreamBuilder;
import org.postgresql.replication.fluent.logical.LogicalStreamBuilder;
import org.postgresql.replication.fluent.physical.ChainedPhysicalStreamBuilder;
import org.postgresql.replication.fluent.physical.PhysicalStreamBuilder;

/**
 * Stands in for pgjdbc's class of this name (the job's jar and classpaths take this one; see the
 * pipeline-job pom): the same builders, with the driver's automatic flush off unless a caller turns it
 * on ({@code withAutomaticFlush(true)}).
 *
 * <p>Why: pgjdbc (42.7.0 and later) confirms to the slot, on a keepalive, the server's position whenever
 * the position it last reported is at or past the start of the last message received
 * ({@code V3PGReplicationStream.processKeepAliveMessage}). That holds before a stream's first message,
 * and pgoutput's message positions are not monotonic (a transaction's changes carry the positions they
 * were written at, below those of transactions committed before it), so once it has fired it can fire
 * again while changes the job has received wait for a checkpoint: the slot then confirmed them, and a
 * failover or restore lost them (seen in 3 of about 14 CI runs of {@code SnapshotAndStreamSideBySideIT},
 * up to 267,672 bytes of WAL past the restored checkpoint). Debezium 1.9, inside
 * flink-connector-postgres-cdc 3.5.0, builds its stream here ({@code PostgresReplicationConnection
 * .startPgReplicationStream}) and offers no setting for it (Debezium 3.x keeps it off unless {@code lsn.flush.mode} is
 * {@code connector_and_driver}). So the slot moves only when Debezium flushes a position, which it does for
 * completed checkpoints ({@code SlotKeeper}'s heartbeat keeps that moving while captured tables are idle).
 * Pinned by {@code ReplicationStreamFlushIT}.
 */
public class ReplicationStreamBuilder implements ChainedStreamBuilder {
  private final BaseConnection connection;

  /** @param connection the replication connection the streams are started on */
  public ReplicationStreamBuilder(BaseConnection connection) {
    this.connection = connection;
  }

  @Override
  public ChainedLogicalStreamBuilder logical() {
    return new LogicalStreamBuilder(options -> connection.getReplicationProtocol().startLogical(options))
        .withAutomaticFlush(false);
  }

  @Override
  public ChainedPhysicalStreamBuilder physical() {
    return new PhysicalStreamBuilder(options -> connection.getReplicationProtocol().startPhysical(options))
        .withAutomaticFlush(false);
  }
}
