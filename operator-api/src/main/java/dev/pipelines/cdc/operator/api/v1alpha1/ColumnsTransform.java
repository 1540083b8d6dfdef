package dev.pipelines.cdc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** The columns of a transform's tables. */
@ValidationRule(value = "!has(self.include) || !has(self.exclude)",
    message = "set include or exclude, not both")
public record ColumnsTransform(
    @Size(min = 1)
        @JsonPropertyDescription("The only columns written, exact PostgreSQL names (case-sensitive). Primary-key"
            + " columns must be among them. A column added to the table later is not written. Columns"
            + " not included are not read by the snapshot.")
        List<@Size(min = 1, max = 63) String> include,
    @Size(min = 1)
        @JsonPropertyDescription("Columns never written, exact PostgreSQL names (case-sensitive); not primary-key"
            + " columns. A column added to the table later is written. Excluded columns are not read by the snapshot.")
        List<@Size(min = 1, max = 63) String> exclude,
    @JsonPropertyDescription("Columns written under another StarRocks name, e.g. to give a column a name StarRocks takes.")
        List<ColumnRename> rename) {

  public ColumnsTransform {
    include = include == null ? List.of() : List.copyOf(include);
    exclude = exclude == null ? List.of() : List.copyOf(exclude);
    rename = rename == null ? List.of() : List.copyOf(rename);
  }
}
