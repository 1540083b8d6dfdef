package dev.pipelines.cdc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.pipelines.cdc.config.names.StarRocksNames;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** One column written under another name. */
public record ColumnRename(
    @Required
        @Size(min = 1, max = 63)
        @JsonPropertyDescription("The PostgreSQL column, exactly as PostgreSQL names it (case and spaces included).")
        String from,
    @Required
        @Pattern(StarRocksNames.TABLE_NAME_PATTERN)
        @Size(max = StarRocksNames.MAX_COLUMN_NAME)
        @JsonPropertyDescription("The StarRocks column: letters, digits and '_', starting with a letter or '_' (StarRocks'"
            + " documented rule); not __op or __row. Unique in the table, ignoring case.")
        String to) {}
