package dev.pipelines.cdc.bench;

import dev.pipelines.cdc.testsupport.PostgresServer;
import java.util.ArrayList;
import java.util.List;

/**
 * A generated source table: its DDL, how to fill it with N rows in Postgres, and a checksum that reads
 * the same in Postgres and in the sink (count, sums of the key and of an integer column, total length
 * of a text column), so a lost, duplicated or altered row shows.
 */
public record BenchTable(String name, String ddl, String fillSql) {

  /** id bigint PK + int, varchar, timestamptz, numeric: the shape of the measurements in FACTS.md. */
  public static BenchTable narrow() {
    return new BenchTable("narrow",
        "CREATE TABLE public.narrow (id bigint PRIMARY KEY, v int, s varchar(32), ts timestamptz, n numeric(12,4))",
        "INSERT INTO public.narrow SELECT g, g % 1000, md5(g::text), timestamptz '2024-01-01 00:00:00+00'"
            + " + g * interval '1 second', g / 7.0 FROM generate_series(:from, :to) g");
  }

  /** 30 columns: integers, text and varchar, jsonb, timestamps, numerics, a boolean (~1 KB a row). */
  public static BenchTable wide() {
    List<String> columns = new ArrayList<>(List.of("id bigint PRIMARY KEY", "v int"));
    List<String> values = new ArrayList<>(List.of("g", "g % 1000"));
    for (int i = 1; i <= 6; i++) {
      columns.add("i" + i + " bigint");
      values.add("g * " + i);
    }
    for (int i = 1; i <= 5; i++) {
      columns.add("t" + i + " text");
      values.add("repeat(md5((g + " + i + ")::text), 2)");
    }
    for (int i = 1; i <= 5; i++) {
      columns.add("s" + i + " varchar(64)");
      values.add("'name-' || (g % " + (97 + i) + ")");
    }
    for (int i = 1; i <= 4; i++) {
      columns.add("j" + i + " jsonb");
      values.add("jsonb_build_object('k', g, 'tag', 'x" + i + "', 'list', jsonb_build_array(g % 7, g % 11, 'y'))");
    }
    for (int i = 1; i <= 3; i++) {
      columns.add("ts" + i + " timestamptz");
      values.add("timestamptz '2024-01-01 00:00:00+00' + (g + " + i + ") * interval '1 minute'");
    }
    for (int i = 1; i <= 3; i++) {
      columns.add("n" + i + " numeric(14,4)");
      values.add("(g % 100000) / " + (3 + i) + ".0");
    }
    columns.add("b1 boolean");
    values.add("g % 2 = 0");
    columns.add("d1 date");
    values.add("date '2024-01-01' + (g % 365)");
    return new BenchTable("wide", "CREATE TABLE public.wide (" + String.join(", ", columns) + ")",
        "INSERT INTO public.wide SELECT " + String.join(", ", values) + " FROM generate_series(:from, :to) g");
  }

  /** The freshness table: one row per commit. */
  public static BenchTable fresh() {
    return new BenchTable("fresh", "CREATE TABLE public.fresh (id bigint PRIMARY KEY, v int, note text)",
        "INSERT INTO public.fresh SELECT g, 0, 'x' FROM generate_series(:from, :to) g");
  }

  public String qualified() {
    return "public." + name;
  }

  /** Creates the table, fills it with ids 1..rows (in 100k-row statements) and publishes it. */
  public void create(PostgresServer pg, long rows, String publication) {
    pg.superuserSql().execute("DROP TABLE IF EXISTS " + qualified(), ddl);
    for (long from = 1; from <= rows; from += 100_000) {
      pg.superuserSql().execute(fillSql.replace(":from", String.valueOf(from))
          .replace(":to", String.valueOf(Math.min(rows, from + 99_999))));
    }
    pg.superuserSql().execute("VACUUM ANALYZE " + qualified(),
        "DROP PUBLICATION IF EXISTS " + publication,
        "CREATE PUBLICATION " + publication + " FOR TABLE " + qualified());
    pg.grantCaptureOn(qualified());
  }

  /** count, sum(id), sum(v), total length of the text column, as text: the same in Postgres and MariaDB. */
  public String checksumSql(String qualifiedName) {
    String text = name.equals("wide") ? "t1" : name.equals("fresh") ? "note" : "s";
    return "SELECT count(*), coalesce(sum(id), 0), coalesce(sum(v), 0), coalesce(sum(char_length(" + text
        + ")), 0) FROM " + qualifiedName;
  }
}
