package dev.pipelines.cdc.flinkcluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A Flink 1.19 session cluster of separate JVMs, as a distribution's {@code start-cluster.sh} would
 * run it: ZooKeeper, one JobManager ({@code StandaloneSessionClusterEntrypoint}), TaskManagers
 * ({@code TaskManagerRunner}), each with {@code --configDir} pointing at the written
 * {@code config.yaml} and Flink's classpath only. JobManagers and TaskManagers can be killed
 * ({@code kill -9}) and replaced; each JVM logs to its own file under the log directory.
 */
final class FlinkCluster implements AutoCloseable {
  static final String JOB_MANAGER_MAIN = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
  static final String TASK_MANAGER_MAIN = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final FlinkClasspath classpath;
  private final Path confDir;
  private final Path workDir;
  private final Path logDir;
  private final Map<String, String> env;
  private final ZooKeeperProcess zooKeeper;
  private final ClusterConfig config;
  private final ProcessMemory jobManagerMemory;
  private final ProcessMemory taskManagerMemory;
  private final List<FlinkProcess> jobManagers = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final List<FlinkProcess> taskManagers = new java.util.concurrent.CopyOnWriteArrayList<>();
  /** TaskManagers the test killed or replaced: the supervisor leaves them dead. */
  private final java.util.Set<FlinkProcess> settled = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final List<String> selfExits = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final java.util.concurrent.ScheduledExecutorService supervisor =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "taskmanager-supervisor");
        t.setDaemon(true);
        return t;
      });
  private FlinkProcess jobManager;
  private FlinkRest rest;

  private FlinkCluster(FlinkClasspath classpath, Path workDir, Path logDir, Map<String, String> env,
      ZooKeeperProcess zooKeeper, ClusterConfig config) {
    this.classpath = classpath;
    this.workDir = workDir;
    this.confDir = workDir.resolve("conf");
    this.logDir = logDir;
    this.env = env;
    this.zooKeeper = zooKeeper;
    this.config = config;
    config.write(confDir);
    config.write(logDir.resolve("conf")); // a copy next to the logs, for whoever reads them after the run
    this.jobManagerMemory = ProcessMemory.compute(ProcessMemory.Role.JOB_MANAGER, classpath, confDir, logDir);
    this.taskManagerMemory = ProcessMemory.compute(ProcessMemory.Role.TASK_MANAGER, classpath, confDir, logDir);
  }

  /**
   * Starts ZooKeeper, a JobManager and {@code taskManagers} TaskManagers, and waits until all are
   * registered.
   *
   * @param env the environment of every Flink JVM (the pods' environment: the credential variables)
   */
  static FlinkCluster start(GeneratedDeployment generated, Map<String, String> env, int taskManagers, Path workDir,
      Path logDir) {
    FlinkClasspath classpath = FlinkClasspath.fromBuild();
    ZooKeeperProcess zk = null;
    try {
      // ZooKeeper logs with the log4j file the Flink JVMs use, so it is written first.
      zk = ZooKeeperProcess.start(classpath, workDir.resolve("zookeeper"),
          ClusterConfig.writeLog4j(workDir.resolve("conf")), logDir);
      ClusterConfig config = ClusterConfig.of(generated, workDir.resolve("state"), zk.quorum());
      FlinkCluster cluster = new FlinkCluster(classpath, workDir, logDir, env, zk, config);
      try {
        cluster.startJobManager();
        cluster.awaitJobManager();
        for (int i = 0; i < taskManagers; i++) {
          cluster.startTaskManager();
        }
        cluster.awaitTaskManagers(taskManagers);
        cluster.supervisor.scheduleWithFixedDelay(cluster::replaceTaskManagersThatExited, 1, 1,
            java.util.concurrent.TimeUnit.SECONDS);
        return cluster;
      } catch (RuntimeException | Error e) {
        cluster.close();
        throw e;
      }
    } catch (RuntimeException | Error e) {
      if (zk != null) {
        zk.close();
      }
      throw e;
    }
  }

  /**
   * Starts a JobManager ({@link #awaitJobManager()} waits for it). Each gets new RPC and REST ports:
   * the TaskManagers and the CLI find the leader through ZooKeeper, as they would find a new
   * JobManager pod through Kubernetes HA.
   */
  FlinkProcess startJobManager() {
    int restPort = FreePort.next();
    int rpcPort = FreePort.next();
    String name = "jobmanager-" + (jobManagers.size() + 1);
    Path tmp = tmpDir(name);
    List<String> args = new ArrayList<>(List.of("--configDir", confDir.toString(), "-D", "rest.port=" + restPort,
        "-D", "jobmanager.rpc.port=" + rpcPort, "-D", "io.tmp.dirs=" + tmp));
    args.addAll(jobManagerMemory.dynamicProperties());
    FlinkProcess jm = FlinkProcess.start(name, classpath, jvmOptions(jobManagerMemory, tmp), JOB_MANAGER_MAIN, args,
        flinkEnv(), logDir.resolve(name + ".log"));
    jobManagers.add(jm);
    jobManager = jm;
    rest = new FlinkRest(restPort);
    return jm;
  }

  /** Waits until the newest JobManager's REST API answers, i.e. it leads (a standby cannot reach a dispatcher). */
  void awaitJobManager() {
    await("REST API answering at " + rest + " of " + jobManager, () -> rest.taskManagers().isPresent(), jobManager);
  }

  /**
   * What Kubernetes does for a TaskManager pod whose JVM exits by itself (Flink's own fatal-error
   * exit, e.g. a task that did not react to cancelling within {@code task.cancellation.timeout}): a
   * new one starts. Each such exit is recorded ({@link #selfExits()}) and reported by the test.
   */
  private void replaceTaskManagersThatExited() {
    try {
      for (FlinkProcess tm : taskManagers) {
        if (!tm.isAlive() && settled.add(tm)) {
          selfExits.add(tm.name() + " exited by itself (" + fatalError(tm) + "); replaced as Kubernetes would");
          startTaskManager();
        }
      }
    } catch (RuntimeException e) {
      // A throw would end the schedule; the next round tries again.
      selfExits.add("replacing a TaskManager failed: " + e);
    }
  }

  private static String fatalError(FlinkProcess tm) {
    try (var lines = java.nio.file.Files.lines(tm.log())) {
      return lines.filter(l -> l.contains("Fatal error occurred") || l.contains("did not exit gracefully")
          || l.contains("OutOfMemoryError")).reduce((a, b) -> b).map(String::trim).orElse("see " + tm.log());
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return "see " + tm.log();
    }
  }

  /** TaskManagers that exited without the test killing them, each replaced (empty if none did). */
  List<String> selfExits() {
    return List.copyOf(selfExits);
  }

  /** Starts a TaskManager (one more, or the replacement of a killed one); it registers by itself. */
  synchronized FlinkProcess startTaskManager() {
    String name = "taskmanager-" + (taskManagers.size() + 1);
    Path tmp = tmpDir(name);
    List<String> args = new ArrayList<>(List.of("--configDir", confDir.toString(), "-D",
        "taskmanager.resource-id=" + name, "-D", "io.tmp.dirs=" + tmp));
    args.addAll(taskManagerMemory.dynamicProperties());
    FlinkProcess tm = FlinkProcess.start(name, classpath, jvmOptions(taskManagerMemory, tmp), TASK_MANAGER_MAIN,
        args, flinkEnv(), logDir.resolve(name + ".log"));
    taskManagers.add(tm);
    return tm;
  }

  void awaitTaskManagers(int count) {
    await(count + " TaskManagers registered with " + jobManager,
        () -> rest.taskManagers().orElse(-1) == count, jobManager);
  }

  /** {@code kill -9} of the JobManager; with HA a new one ({@link #startJobManager()}) recovers the job. */
  void killJobManager() {
    jobManager.kill();
  }

  /** {@code kill -9} of a running TaskManager (0 = the first started). */
  FlinkProcess killTaskManager(int index) {
    FlinkProcess tm = taskManagers.get(index);
    settled.add(tm);
    tm.kill();
    return tm;
  }

  FlinkRest rest() {
    return rest;
  }

  Path confDir() {
    return confDir;
  }

  Path logDir() {
    return logDir;
  }

  ClusterConfig config() {
    return config;
  }

  FlinkClasspath classpath() {
    return classpath;
  }

  /** The environment of the cluster's JVMs (and the CLI's): the given one plus FLINK_CONF_DIR. */
  Map<String, String> flinkEnv() {
    Map<String, String> all = new HashMap<>(env);
    all.put("FLINK_CONF_DIR", confDir.toString());
    return all;
  }

  /** Every JVM this cluster started, killed ones included: whose logs to read. */
  List<FlinkProcess> processes() {
    List<FlinkProcess> all = new ArrayList<>();
    all.add(zooKeeper.process());
    all.addAll(jobManagers);
    all.addAll(taskManagers);
    return all;
  }

  /** The JobManager and TaskManager JVMs, killed ones included. */
  List<FlinkProcess> flinkProcesses() {
    List<FlinkProcess> all = new ArrayList<>(jobManagers);
    all.addAll(taskManagers);
    return all;
  }

  /**
   * The heap and memory limits Flink computed, the log4j file, and a temp dir of the JVM's own inside
   * the test's (a killed JVM leaves its blobs and web uploads there, deleted with the test's dir).
   */
  private List<String> jvmOptions(ProcessMemory memory, Path tmp) {
    List<String> options = new ArrayList<>(memory.jvmOptions());
    options.add("-Dlog4j.configurationFile=" + ClusterConfig.log4jConfig(confDir));
    options.add("-Djava.io.tmpdir=" + tmp);
    return options;
  }

  private Path tmpDir(String name) {
    Path tmp = workDir.resolve(name + "-tmp");
    try {
      java.nio.file.Files.createDirectories(tmp);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return tmp;
  }

  private static void await(String what, BooleanSupplier condition, FlinkProcess process) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      process.checkAlive();
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no " + what + " after " + START_TIMEOUT + "; see " + process.log());
      }
      FreePort.sleep(500);
    }
  }

  /** Kills every JVM (TaskManagers, JobManagers, then ZooKeeper); none outlives the test. */
  @Override
  public void close() {
    supervisor.shutdownNow();
    try {
      supervisor.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    RuntimeException failure = null;
    for (FlinkProcess p : processesInStopOrder()) {
      try {
        p.kill();
      } catch (RuntimeException e) {
        // Go on killing the others; report the first that would not die.
        failure = failure == null ? e : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private List<FlinkProcess> processesInStopOrder() {
    List<FlinkProcess> all = new ArrayList<>(taskManagers);
    all.addAll(jobManagers);
    all.add(zooKeeper.process());
    return all;
  }
}
