package dev.pipelines.cdc.bench;

import dev.pipelines.cdc.emulator.EmulatorSettings;
import dev.pipelines.cdc.emulator.StarRocksEmulator;
import dev.pipelines.cdc.emulator.store.StoreKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The emulator's own load path, alone: {@code java -cp <bench classpath> dev.pipelines.cdc.bench.LoadPathCost
 * [rows] [rounds]} (store from {@code -Dbench.store}, default memory). Generates the bench's narrow rows as
 * the job sends them (JSON, {@code __op}, UTC datetimes, exact decimals), Stream Loads them in 100k-row
 * loads straight to the BE, and prints rows/s and this JVM's CPU per 1,000 rows per round (the first
 * rounds are JIT warm-up). No Postgres, no Flink: what the sink costs per row, before the job's share.
 */
public final class LoadPathCost {
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
  private LoadPathCost() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
    StoreKind kind = StoreKind.parse(System.getProperty("bench.store", "memory"), "-Dbench.store");
    List<String> bodies = new ArrayList<>();
    for (int from = 1; from <= rows; from += SinkLimits.ROWS_PER_LOAD) {
      bodies.add(narrowBody(from, Math.min(rows, from + SinkLimits.ROWS_PER_LOAD - 1)));
    }
    HttpClient http = HttpClient.newHttpClient();
    try (StarRocksEmulator sr = StarRocksEmulator.startOwning(EmulatorSettings.defaults(), kind);
        Connection c = DriverManager.getConnection("jdbc:mariadb://" + sr.host() + ":" + sr.mysqlPort() + "/",
            sr.user(), sr.password()); Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE cost");
      st.execute("CREATE TABLE cost.narrow (id BIGINT NOT NULL, v INT, s VARCHAR(32), ts DATETIME,"
          + " n DECIMAL(12,4)) PRIMARY KEY(id) DISTRIBUTED BY HASH(id)");
      for (int round = 1; round <= rounds; round++) {
        st.execute("TRUNCATE TABLE cost.narrow");
        double cpu = Machine.cpuSeconds(ProcessHandle.current().pid());
        long start = System.nanoTime();
        for (String body : bodies) {
          load(http, sr, body);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuMs = (Machine.cpuSeconds(ProcessHandle.current().pid()) - cpu) * 1e6 / rows;
        System.out.printf("round %d (%s store): %,.0f rows/s, %.2f ms CPU per 1,000 rows%n", round, kind,
            rows / seconds, cpuMs);
      }
    }
  }

  /** Rows {@code from..to} of the bench's narrow table, in the job's JSON. */
  static String narrowBody(long from, long to) {
    StringBuilder body = new StringBuilder("[");
    for (long g = from; g <= to; g++) {
      long seconds = g % 86_400;
      body.append(g == from ? "" : ",").append("{\"id\":").append(g).append(",\"v\":").append(g % 1000)
          .append(",\"s\":\"").append(UUID.nameUUIDFromBytes(Long.toString(g).getBytes(StandardCharsets.UTF_8))
              .toString().replace("-", "")).append("\",\"ts\":\"2024-01-01 ")
          .append(String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60))
          .append(".000000\",\"n\":\"").append(new java.math.BigDecimal(g).divide(java.math.BigDecimal.valueOf(7), 4,
              java.math.RoundingMode.HALF_UP).toPlainString()).append("\",\"__op\":0}");
    }
    return body.append(']').toString();
  }

  private static void load(HttpClient http, StarRocksEmulator sr, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(sr.beHttpUrl() + "/api/cost/narrow/_stream_load"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (sr.user() + ":" + sr.password()).getBytes(StandardCharsets.UTF_8)))
        .header("label", "cost-" + UUID.randomUUID()).header("format", "json").header("strip_outer_array", "true")
        .header("columns", "id,v,s,ts,n,__op")
        .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
    String answer = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    if (!JSON.readTree(answer).path("Status").asText().equals("Success")) {
      throw new IllegalStateException("emulator refused the load: " + answer);
    }
  }
}
