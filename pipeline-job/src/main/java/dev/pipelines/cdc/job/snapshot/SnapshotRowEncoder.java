package dev.pipelines.cdc.job.snapshot;

import dev.pipelines.cdc.job.source.ChangeRow;
import java.io.Serializable;

/**
 * Turns the COPY text lines of one table into {@link ChangeRow}s: what the snapshot reader needs of
 * a row encoding. The same two methods as {@code snapshot.copy.CopyRowEncoder} (the production
 * encoding), so that one adapts to this with method references.
 */
public interface SnapshotRowEncoder extends Serializable {
  /** The select list for {@code COPY (SELECT <selectList()> FROM ... ) TO STDOUT}, in the order encode() reads. */
  String selectList();

  /** One COPY text line without its newline, as UTF-8 bytes {@code [offset, offset + length)}. */
  ChangeRow encode(byte[] line, int offset, int length);
}
