package dev.pipelines.cdc.bench;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How big each part of the run is. Defaults follow issue #8; {@code --quick} is a ~3 minute smoke run
 * with the same shape.
 *
 * @param rows narrow snapshot rows
 * @param wideRows wide (30-column) snapshot rows
 * @param inserts streamed inserts; updates are a quarter and deletes a tenth of them
 * @param freshnessSamples single-row commits per freshness mode
 * @param freshnessPerSecond their steady rate
 * @param emulatorRows rows Stream Loaded straight into the emulator to measure its own limit
 * @param pipelines CdcPipelines applied in the operator run
 * @param jobHeap the job JVM's -Xmx
 * @param phases which parts to run (snapshot, streaming, wide, freshness, operator)
 * @param apiServer the API server the operator phase runs against: the fabric8 mock server (default) or a real
 *     kube-apiserver + etcd ({@code --api-server real}, binaries from hack/kube-api-binaries.sh)
 */
public record BenchSizes(long rows, long wideRows, long inserts, int freshnessSamples, int freshnessPerSecond,
    long emulatorRows, int pipelines, String jobHeap, Set<String> phases, ApiServerKind apiServer) {

  /** Where the operator phase's CdcPipelines live. */
  public enum ApiServerKind {
    /** fabric8's mock API server (CRUD mode) in the harness JVM; the operator with server-side apply off. */
    MOCK,
    /** kube-apiserver + etcd on loopback (kube-api-support); the operator with its production configuration. */
    REAL;

    static ApiServerKind parse(String value) {
      return switch (value) {
        case "mock" -> MOCK;
        case "real" -> REAL;
        default -> throw new IllegalArgumentException("--api-server " + value + ": use mock or real");
      };
    }
  }

  public static final List<String> ALL_PHASES = List.of("snapshot", "streaming", "wide", "freshness", "operator");

  public static BenchSizes defaults() {
    return new BenchSizes(1_000_000, 200_000, 200_000, 200, 20, 200_000, 1_000, "320m",
        new LinkedHashSet<>(ALL_PHASES), ApiServerKind.MOCK);
  }

  public static BenchSizes quick() {
    return new BenchSizes(100_000, 20_000, 20_000, 200, 40, 50_000, 200, "320m", new LinkedHashSet<>(ALL_PHASES),
        ApiServerKind.MOCK);
  }

  /**
   * {@code --large}: a 10M-row narrow table (1M rows for the sink's own limit), the rest at default sizes.
   * The memory store then holds ~2 GB of rows (the narrow figure of docs/performance.md times 10M), more
   * than its default bound of half of -Xmx2g: run it as {@code BENCH_HEAP=8g hack/bench.sh --large}.
   * Generating the table takes Postgres a few minutes and the snapshot phases far longer than the default
   * run's; it was not run on the 2-core build machines.
   */
  public static BenchSizes large() {
    BenchSizes d = defaults();
    return new BenchSizes(10_000_000, d.wideRows, d.inserts, d.freshnessSamples, d.freshnessPerSecond, 1_000_000,
        d.pipelines, d.jobHeap, d.phases, d.apiServer);
  }

  public long updates() {
    return Math.min(inserts / 4, rows / 2);
  }

  public long deletes() {
    return Math.min(inserts / 10, rows / 4);
  }

  /** Only the operator phase runs: no Postgres and no emulator are needed. */
  public boolean operatorOnly() {
    return phases.equals(Set.of("operator"));
  }

  public boolean runs(String phase) {
    return phases.contains(phase);
  }

  /**
   * {@code [--quick|--large] [--rows N] [--wide-rows N] [--inserts N] [--samples N] [--rate N]
   * [--emulator-rows N] [--pipelines N] [--job-heap 320m] [--only a,b] [--api-server mock|real]}.
   */
  public static BenchSizes parse(String... args) {
    List<String> list = List.of(args);
    if (list.contains("--quick") && list.contains("--large")) {
      throw new IllegalArgumentException("--quick and --large exclude each other");
    }
    BenchSizes s = list.contains("--quick") ? quick() : list.contains("--large") ? large() : defaults();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--quick") || a.equals("--large")) {
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value after " + a);
      }
      String v = args[++i];
      s = switch (a) {
        case "--rows" -> new BenchSizes(Long.parseLong(v), s.wideRows, s.inserts, s.freshnessSamples,
            s.freshnessPerSecond, s.emulatorRows, s.pipelines, s.jobHeap, s.phases, s.apiServer);
        case "--wide-rows" -> new BenchSizes(s.rows, Long.parseLong(v), s.inserts, s.freshnessSamples,
            s.freshnessPerSecond, s.emulatorRows, s.pipelines, s.jobHeap, s.phases, s.apiServer);
        case "--inserts" -> new BenchSizes(s.rows, s.wideRows, Long.parseLong(v), s.freshnessSamples,
            s.freshnessPerSecond, s.emulatorRows, s.pipelines, s.jobHeap, s.phases, s.apiServer);
        case "--samples" -> new BenchSizes(s.rows, s.wideRows, s.inserts, Integer.parseInt(v), s.freshnessPerSecond,
            s.emulatorRows, s.pipelines, s.jobHeap, s.phases, s.apiServer);
        case "--rate" -> new BenchSizes(s.rows, s.wideRows, s.inserts, s.freshnessSamples, Integer.parseInt(v),
            s.emulatorRows, s.pipelines, s.jobHeap, s.phases, s.apiServer);
        case "--emulator-rows" -> new BenchSizes(s.rows, s.wideRows, s.inserts, s.freshnessSamples,
            s.freshnessPerSecond, Long.parseLong(v), s.pipelines, s.jobHeap, s.phases, s.apiServer);
        case "--pipelines" -> new BenchSizes(s.rows, s.wideRows, s.inserts, s.freshnessSamples, s.freshnessPerSecond,
            s.emulatorRows, Integer.parseInt(v), s.jobHeap, s.phases, s.apiServer);
        case "--job-heap" -> new BenchSizes(s.rows, s.wideRows, s.inserts, s.freshnessSamples, s.freshnessPerSecond,
            s.emulatorRows, s.pipelines, v, s.phases, s.apiServer);
        case "--only" -> new BenchSizes(s.rows, s.wideRows, s.inserts, s.freshnessSamples, s.freshnessPerSecond,
            s.emulatorRows, s.pipelines, s.jobHeap, phases(v), s.apiServer);
        case "--api-server" -> new BenchSizes(s.rows, s.wideRows, s.inserts, s.freshnessSamples, s.freshnessPerSecond,
            s.emulatorRows, s.pipelines, s.jobHeap, s.phases, ApiServerKind.parse(v));
        default -> throw new IllegalArgumentException("unknown option " + a);
      };
    }
    return s;
  }

  private static Set<String> phases(String csv) {
    Set<String> set = new LinkedHashSet<>(List.of(csv.split(",")));
    for (String p : set) {
      if (!ALL_PHASES.contains(p)) {
        throw new IllegalArgumentException("unknown phase " + p + "; phases: " + ALL_PHASES);
      }
    }
    return set;
  }
}
