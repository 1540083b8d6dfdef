package dev.pipelines.cdc.job.snapshot.copy;

import dev.pipelines.cdc.job.source.ChangeRow;

/** Turns COPY text-format lines of one table into ChangeRows. Serializable; one per table. */
public interface CopyRowEncoder extends java.io.Serializable {
  /**
   * The select list for COPY ({@code SELECT <selectList()> FROM <table> WHERE ...}) TO STDOUT, quoted
   * identifiers and any casts the encoding needs, in the order encode() expects.
   */
  String selectList();

  /** One COPY text line (without the trailing newline), as bytes [offset, offset+length) in UTF-8. */
  ChangeRow encode(byte[] line, int offset, int length);
}
