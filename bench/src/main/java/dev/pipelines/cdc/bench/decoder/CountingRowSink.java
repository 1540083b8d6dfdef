package dev.pipelines.cdc.bench.decoder;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's sink: counts row changes by kind and appends every row to a Stream Load body
 * (newline-delimited JSON) that is dropped, as if sent, once it reaches {@link #BODY_BYTES}; nothing is
 * sent anywhere. Rows whose JSON starts with a watched prefix (e.g. {@code {"id":42,}) are kept, for the
 * caller's spot check. A Truncate is refused (the benchmark writes none).
 */
public final class CountingRowSink implements RowSink {
  static final int BODY_BYTES = 4 << 20;

  private final long[] counts = new long[ChangeKind.values().length];
  private final Map<ChangeKind, byte[]> watched = new EnumMap<>(ChangeKind.class);
  private final Map<ChangeKind, String> seen = new EnumMap<>(ChangeKind.class);
  private final byte[] body = new byte[BODY_BYTES + (1 << 20)];
  private int bodyLength;
  private long bodies;
  private long rowBytes;
  private long partialRows;

  /** Keeps the (last) {@code kind} row whose JSON starts with {@code prefix}. */
  public CountingRowSink watch(ChangeKind kind, String prefix) {
    watched.put(kind, prefix.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  @Override
  public void row(RelationShape relation, ChangeKind kind, boolean partial, byte[] json, int offset, int length) {
    counts[kind.ordinal()]++;
    rowBytes += length;
    if (partial) {
      partialRows++;
    }
    if (bodyLength + length + 1 > body.length) {
      if (length + 1 > body.length) {
        throw new IllegalStateException("a row of " + length + " bytes is larger than a Stream Load body here");
      }
      bodyLength = 0; // "sent"
      bodies++;
    }
    System.arraycopy(json, offset, body, bodyLength, length);
    bodyLength += length;
    body[bodyLength++] = '\n';
    if (bodyLength >= BODY_BYTES) {
      bodyLength = 0;
      bodies++;
    }
    byte[] prefix = watched.get(kind);
    if (prefix != null && length >= prefix.length
        && Arrays.equals(json, offset, offset + prefix.length, prefix, 0, prefix.length)) {
      seen.put(kind, new String(json, offset, length, StandardCharsets.UTF_8));
    }
  }

  @Override
  public void truncate(List<RelationShape> relations, boolean cascade, boolean restartIdentity) {
    throw new IllegalStateException("a Truncate of " + relations + ": the benchmark sink does not carry truncates");
  }

  public long count(ChangeKind kind) {
    return counts[kind.ordinal()];
  }

  /** Inserts + updates + deletes (an update's old-key delete row is part of its update). */
  public long changes() {
    return count(ChangeKind.INSERT) + count(ChangeKind.UPDATE) + count(ChangeKind.DELETE);
  }

  /** The watched row of {@code kind}, or null if none was seen. */
  public String watchedRow(ChangeKind kind) {
    return seen.get(kind);
  }

  public long rowBytes() {
    return rowBytes;
  }

  public long partialRows() {
    return partialRows;
  }

  /** Bodies that filled up (and were dropped as if sent). */
  public long fullBodies() {
    return bodies;
  }
}
