package dev.pipelines.cdc.config.plan;

import java.util.List;

/**
 * One table of the source database, as the planning rules need it (read by {@link CatalogQuery}).
 *
 * @param schema schema name
 * @param name table name
 * @param kind ordinary or partitioned parent
 * @param primaryKey primary-key column names in key order; empty: the table has none
 * @param replicaIdentityFull REPLICA IDENTITY FULL: updates carry every old value
 * @param toastable some column may be stored out of line (TOAST): text, varchar, bytea, json,
 *     arrays, numeric...; an update that leaves such a value unchanged does not carry it
 * @param selectable the connecting user may SELECT from it (the snapshot reads it)
 * @param owned the connecting user owns it (or has the privileges of its owner's role): needed to
 *     put it into a publication
 * @param replicaIdentity the columns of its replica identity: the primary key (default), every column
 *     (FULL), an index's columns (USING INDEX), none (NOTHING)
 */
public record CatalogTable(String schema, String name, TableKind kind, List<String> primaryKey,
    boolean replicaIdentityFull, boolean toastable, boolean selectable, boolean owned, List<String> replicaIdentity) {

  public CatalogTable {
    primaryKey = List.copyOf(primaryKey);
    replicaIdentity = List.copyOf(replicaIdentity);
  }

  /** A table whose replica identity is the default, its primary key (FULL: not known here, none listed). */
  public CatalogTable(String schema, String name, TableKind kind, List<String> primaryKey,
      boolean replicaIdentityFull, boolean toastable, boolean selectable, boolean owned) {
    this(schema, name, kind, primaryKey, replicaIdentityFull, toastable, selectable, owned,
        replicaIdentityFull ? List.of() : primaryKey);
  }

  /** {@code schema.table}, the form patterns, routes, Debezium and messages use. */
  public String qualifiedName() {
    return schema + "." + name;
  }

  public boolean hasPrimaryKey() {
    return !primaryKey.isEmpty();
  }
}
