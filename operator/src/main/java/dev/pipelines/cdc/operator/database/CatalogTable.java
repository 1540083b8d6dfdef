package dev.pipelines.cdc.operator.database;

/**
 * What preflight needs to know about one table of the source database.
 *
 * @param hasPrimaryKey the table has a primary key (the job keys every row by it)
 * @param replicaIdentityFull REPLICA IDENTITY FULL: updates carry every old value
 * @param toastable some column may be stored out of line (TOAST): text, varchar, bytea, json,
 *     arrays, numeric...; an update that leaves such a value unchanged does not carry it
 * @param selectable the connecting user may SELECT from it (the snapshot reads it)
 * @param owned the connecting user owns it (or is a member of its owner): needed to put it into a publication
 */
public record CatalogTable(String schema, String name, boolean hasPrimaryKey, boolean replicaIdentityFull,
    boolean toastable, boolean selectable, boolean owned) {
  public String qualifiedName() {
    return schema + "." + name;
  }
}
