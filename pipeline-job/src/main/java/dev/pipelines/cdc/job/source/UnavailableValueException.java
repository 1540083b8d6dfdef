package dev.pipelines.cdc.job.source;

import java.util.List;

/**
 * An UPDATE arrived without the value of a large (TOASTed) column it did not change. Writing the
 * row without it would blank the column in StarRocks, so the pipeline stops instead.
 */
public class UnavailableValueException extends RuntimeException {
  public UnavailableValueException(String table, List<String> columns) {
    super("table " + table + ": an UPDATE arrived without the unchanged large (TOAST) value of column(s) " + columns
        + "; run ALTER TABLE " + table + " REPLICA IDENTITY FULL so updates carry every column, then restart");
  }
}
