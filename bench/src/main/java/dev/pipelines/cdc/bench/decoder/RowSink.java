package dev.pipelines.cdc.bench.decoder;

import java.util.List;

/** Receives the decoder's Stream Load rows, transaction boundaries and truncates. */
public interface RowSink {
  /**
   * One JSON row in {@code json[offset, offset+length)}: valid only during the call (the decoder reuses the
   * buffer), so a sink copies what it keeps.
   *
   * @param partial some columns were left out: their values are unchanged TOASTed values pgoutput does not
   *     resend ({@code 'u'}); loading the row as a full row would null them, it needs a partial update
   */
  void row(RelationShape relation, ChangeKind kind, boolean partial, byte[] json, int offset, int length);

  /** A Truncate message: Stream Load has no truncate, so the sink decides (e.g. stop, or run TRUNCATE itself). */
  void truncate(List<RelationShape> relations, boolean cascade, boolean restartIdentity);

  /** A Begin message. */
  default void begin(int xid, long finalLsn) {}

  /** A Commit message; {@code endLsn} is where the next transaction starts (what to confirm as flushed). */
  default void commit(long commitLsn, long endLsn) {}
}
