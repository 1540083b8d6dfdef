package dev.pipelines.cdc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** What happens to some captured tables on their way to StarRocks. */
public record Transform(
    @Required
        @Size(min = 1)
        @JsonPropertyDescription("Tables this transform applies to: schema-qualified names (public.orders) or"
            + " regular expressions over them (public\\\\.orders_.*), matched among the tables"
            + " spec.source.postgres.tables captures. Each pattern must match one; a table takes one transform.")
        List<@Size(min = 1, max = 1024) String> tables,
    @JsonPropertyDescription("Which columns are written, and under which names. Default: every column, under its own name.")
        ColumnsTransform columns,
    @Size(min = 1, max = 4096)
        @JsonPropertyDescription("Only rows this predicate holds for are written: PostgreSQL SQL over the table's"
            + " columns (their PostgreSQL names), e.g. status <> 'deleted' AND region = 'eu'. The same predicate filters"
            + " the snapshot and, as the publication's row filter, the stream: an UPDATE that moves a row out of it"
            + " deletes the row in StarRocks, one that moves it in inserts it. Needs PostgreSQL 15+, columns in the"
            + " table's replica identity, and a publication the pipeline may change. One expression: no ';',"
            + " comments, '$' or backslashes.")
        String filter,
    @JsonPropertyDescription("Write every selected table into this one StarRocks table (e.g. the shards"
        + " orders_2024, orders_2025 into orders). Default: each table keeps its own (or its sink route's).")
        TransformRoute route) {

  public Transform {
    tables = tables == null ? List.of() : List.copyOf(tables);
  }
}
