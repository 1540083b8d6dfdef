package dev.pipelines.cdc.operator.spec;

import dev.pipelines.cdc.config.transform.ColumnRename;
import dev.pipelines.cdc.config.transform.ColumnTransform;
import dev.pipelines.cdc.config.transform.TableMerge;
import dev.pipelines.cdc.config.transform.TableTransform;
import dev.pipelines.cdc.operator.api.v1alpha1.ColumnsTransform;
import dev.pipelines.cdc.operator.api.v1alpha1.Transform;
import java.util.List;

/** {@code spec.transforms} → the contract's transforms, which the planning rules and the job read. Pure. */
public final class Transforms {
  private Transforms() {}

  public static List<TableTransform> of(List<Transform> transforms) {
    return transforms.stream().map(t -> new TableTransform(t.tables(), columns(t.columns()), t.filter(),
        t.route() == null ? null : new TableMerge(t.route().targetTable(), t.route().sourceTableColumn()))).toList();
  }

  private static ColumnTransform columns(ColumnsTransform columns) {
    if (columns == null) {
      return ColumnTransform.NONE;
    }
    return new ColumnTransform(columns.include(), columns.exclude(),
        columns.rename().stream().map(r -> new ColumnRename(r.from(), r.to())).toList());
  }
}
