package dev.pipelines.cdc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipelines.cdc.emulator.StarRocksEmulator;
import dev.pipelines.cdc.emulator.store.memory.MemoryStore;
import dev.pipelines.cdc.testsupport.PostgresServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The sink's own limit (rows/s the emulator accepts on its own, measured in the same run): the same rows, in the JSON the job sends ({@code __op}, UTC datetimes, exact
 * decimals), Stream Loaded straight into the emulator's BE in 100k-row loads, no Flink and no CDC in
 * the way. Loaded into the job's own (truncated) target table after the job is gone, so the store
 * does the same work as for the job.
 */
public final class SinkLimits {
  static final int ROWS_PER_LOAD = 100_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private SinkLimits() {}

  /** Rows per second the emulator loads; {@code rows} of {@code table} are read from Postgres first (not timed). */
  public static double measure(PostgresServer pg, StarRocksEmulator sr, BenchTable table, String database,
      long rows) throws SQLException, IOException {
    List<String> columns = new ArrayList<>();
    List<String> bodies = bodies(pg, table, rows, columns);
    try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + sr.host() + ":" + sr.mysqlPort() + "/",
        sr.user(), sr.password()); Statement st = c.createStatement()) {
      st.execute("TRUNCATE TABLE `" + database + "`.`" + table.name() + "`");
    }
    String header = String.join(",", columns.stream().map(n -> "`" + n + "`").toList()) + ",`__op`";
    long mariaDb = mariaDbPid();
    long heapBefore = heapAfterGc();
    double jvmCpu = Machine.cpuSeconds(ProcessHandle.current().pid());
    double storeCpu = mariaDb < 0 ? 0 : Machine.cpuSeconds(mariaDb);
    long start = System.nanoTime();
    for (String body : bodies) {
      load(sr, database, table.name(), header, body);
    }
    double seconds = PostgresLimits.seconds(start);
    lastCpuNote = "sink: " + sr.storeKind().name().toLowerCase(java.util.Locale.ROOT) + " store; CPU per 1,000 rows:"
        + " emulator (this JVM) " + Format.number((Machine.cpuSeconds(ProcessHandle.current().pid()) - jvmCpu) * 1e6
        / rows) + " ms" + (mariaDb < 0 ? "" : ", MariaDB " + Format.number((Machine.cpuSeconds(mariaDb) - storeCpu)
        * 1e6 / rows) + " ms");
    lastBytesPerRow = sr.store() instanceof MemoryStore ? (heapAfterGc() - heapBefore) / (double) rows : Double.NaN;
    java.lang.ref.Reference.reachabilityFence(bodies);
    return rows / seconds;
  }

  /** Where the last measurement's CPU went: the emulator's JVM (HTTP, JSON, conversion) and MariaDB. */
  static String lastCpuNote = "";

  /**
   * Heap the memory store took per loaded row in the last measurement (heap after a full GC, after minus
   * before, over the rows; the table was truncated first, and the bodies are still referenced both
   * times); NaN for the MariaDB store.
   */
  static double lastBytesPerRow = Double.NaN;

  private static long heapAfterGc() {
    System.gc();
    System.gc();
    return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** The MariaDB server the emulator stores rows in (a child process of this JVM). */
  private static long mariaDbPid() {
    return ProcessHandle.current().descendants()
        .filter(p -> p.info().command().map(c -> c.contains("mariadbd") || c.contains("mysqld")).orElse(false))
        .mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
  }

  /** JSON arrays of up to ROWS_PER_LOAD rows, formatted by Postgres the way the job formats them. */
  private static List<String> bodies(PostgresServer pg, BenchTable table, long rows, List<String> columns)
      throws SQLException {
    List<String> fields = new ArrayList<>();
    try (Connection c = pg.superuserConnection(); Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT column_name, data_type FROM information_schema.columns"
          + " WHERE table_schema = 'public' AND table_name = '" + table.name() + "' ORDER BY ordinal_position")) {
        while (rs.next()) {
          String name = rs.getString(1);
          String type = rs.getString(2);
          columns.add(name);
          String expr = switch (type) {
            case "timestamp with time zone" -> "to_char(" + name + " AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')";
            case "numeric" -> name + "::text";
            default -> name;
          };
          fields.add("'" + name + "', " + expr);
        }
      }
      fields.add("'__op', 0");
      List<String> bodies = new ArrayList<>();
      StringBuilder body = new StringBuilder("[");
      int inBody = 0;
      // json_build_object takes at most 100 arguments: 31 fields are 62.
      try (ResultSet rs = st.executeQuery("SELECT json_build_object(" + String.join(", ", fields) + ")::text FROM "
          + table.qualified() + " ORDER BY id LIMIT " + rows)) {
        while (rs.next()) {
          body.append(inBody == 0 ? "" : ",").append(rs.getString(1));
          if (++inBody == ROWS_PER_LOAD) {
            bodies.add(body.append(']').toString());
            body = new StringBuilder("[");
            inBody = 0;
          }
        }
      }
      if (inBody > 0) {
        bodies.add(body.append(']').toString());
      }
      return bodies;
    }
  }

  private static void load(StarRocksEmulator sr, String db, String table, String columns, String body)
      throws IOException {
    HttpURLConnection http = (HttpURLConnection) URI.create(sr.beHttpUrl() + "/api/" + db + "/" + table
        + "/_stream_load").toURL().openConnection();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    http.setRequestMethod("PUT");
    http.setDoOutput(true);
    http.setFixedLengthStreamingMode(bytes.length);
    http.setRequestProperty("Authorization", "Basic " + Base64.getEncoder().encodeToString(
        (sr.user() + ":" + sr.password()).getBytes(StandardCharsets.UTF_8)));
    http.setRequestProperty("label", "bench-" + UUID.randomUUID());
    http.setRequestProperty("format", "json");
    http.setRequestProperty("strip_outer_array", "true");
    http.setRequestProperty("columns", columns);
    try (OutputStream out = http.getOutputStream()) {
      out.write(bytes);
    }
    try (InputStream in = http.getInputStream()) {
      JsonNode answer = JSON.readTree(in);
      if (!"Success".equals(answer.path("Status").asText())) {
        throw new IllegalStateException("emulator refused the load: " + answer);
      }
    }
  }
}
