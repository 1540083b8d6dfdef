package dev.pipelines.cdc.bench;

import dev.pipelines.cdc.job.catalog.PostgresCatalog;
import dev.pipelines.cdc.job.catalog.SourceTable;
import dev.pipelines.cdc.job.snapshot.copy.CopyRowEncoder;
import dev.pipelines.cdc.job.snapshot.copy.CopyRowEncoders;
import dev.pipelines.cdc.job.source.ChangeRow;
import dev.pipelines.cdc.job.source.TableShape;
import dev.pipelines.cdc.testsupport.PostgresServer;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.Statement;
import org.postgresql.PGConnection;

/**
 * The COPY encoder's own cost (no database, no Flink): the narrow and the wide bench tables are copied
 * once into memory with the reader's session settings, then every line is encoded into a ChangeRow, a
 * few rounds, the first ones as JIT warm-up. Prints rows/s and ns/row per table. A measurement, not a
 * test: {@code java -cp <bench classpath> dev.pipelines.cdc.bench.CopyEncodeBench [narrowRows] [wideRows]}.
 */
public final class CopyEncodeBench {
  private static final int WARMUP_ROUNDS = 3;
  private static final int ROUNDS = 5;

  private CopyEncodeBench() {}

  public static void main(String[] args) throws Exception {
    long narrowRows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    long wideRows = args.length > 1 ? Long.parseLong(args[1]) : 200_000;
    try (PostgresServer pg = PostgresServer.start()) {
      measure(pg, BenchTable.narrow(), narrowRows);
      measure(pg, BenchTable.wide(), wideRows);
    }
  }

  private static void measure(PostgresServer pg, BenchTable table, long rows) throws Exception {
    table.create(pg, rows, "copy_bench_pub_" + table.name());
    try (Connection c = pg.superuserConnection()) {
      PostgresCatalog catalog = new PostgresCatalog(c);
      SourceTable source = catalog.tables(catalog.describe("copy_bench_pub_" + table.name()).tables().stream()
          .filter(t -> t.qualifiedName().equals(table.qualified())).toList()).get(0);
      CopyRowEncoder encoder = CopyRowEncoders.forTable(source, TableShape.of(source), "bench." + table.name());
      try (Statement st = c.createStatement()) {
        for (String setting : CopyRowEncoders.SESSION_SETTINGS) {
          st.execute(setting);
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      long copyStart = System.nanoTime();
      c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT " + encoder.selectList() + " FROM "
          + table.qualified() + ") TO STDOUT", out);
      long copyNanos = System.nanoTime() - copyStart;
      byte[] bytes = out.toByteArray();
      int[] starts = new int[(int) rows + 1];
      int lines = 0;
      starts[0] = 0;
      for (int i = 0; i < bytes.length; i++) {
        if (bytes[i] == '\n') {
          starts[++lines] = i + 1;
        }
      }
      System.out.printf("%s: %,d rows, %,d bytes of COPY text (%.0f bytes/row), COPY into memory %.2f s (%.0f rows/s)%n",
          table.name(), lines, bytes.length, (double) bytes.length / lines, copyNanos / 1e9, lines / (copyNanos / 1e9));
      for (int round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
        long jsonChars = 0;
        long start = System.nanoTime();
        for (int i = 0; i < lines; i++) {
          ChangeRow row = encoder.encode(bytes, starts[i], starts[i + 1] - starts[i] - 1);
          jsonChars += row.json.length();
        }
        long nanos = System.nanoTime() - start;
        System.out.printf("  %s round %d: %,.0f rows/s, %.0f ns/row, %.0f JSON chars/row%n",
            round < WARMUP_ROUNDS ? "warm-up" : "measured", round + 1, lines / (nanos / 1e9), (double) nanos / lines,
            (double) jsonChars / lines);
      }
    }
    pg.superuserSql().execute("DROP TABLE " + table.qualified());
  }
}
