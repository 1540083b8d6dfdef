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
        ColumnsTransform columns) {

  public Transform {
    tables = tables == null ? List.of() : List.copyOf(tables);
  }
}
