package dev.pipelines.cdc.config.transform;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * One column written under another name.
 *
 * @param from the source column, exactly as PostgreSQL names it (case and spaces included)
 * @param to the StarRocks column
 */
public record ColumnRename(String from, String to) implements Serializable {
  public ColumnRename {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
  }
}
