package dev.pipelines.cdc.operator.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which top-level package of a root package names which other, read from the source text (imports and
 * qualified names). ArchUnit reads bytecode, where javac has inlined every {@code static final String}
 * constant: {@code database} using {@code status.Reasons.SLOT_ACTIVE} leaves no trace there (measured:
 * ArchUnit's cycle rule passed while {@code database} and {@code status} imported each other).
 */
final class SourceDependencies {
  /** A use of {@code type} (simple name) of package {@code to} in a file of package {@code from}. */
  record Use(String from, String file, String to, String type) {}

  private final Map<String, Map<String, List<Use>>> edges;

  private SourceDependencies(Map<String, Map<String, List<Use>>> edges) {
    this.edges = edges;
  }

  /** @param sources file name → Java source text, every file of {@code rootPackage} and below */
  static SourceDependencies of(String rootPackage, Map<String, String> sources) {
    Pattern packageLine = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
    Pattern reference = Pattern.compile(Pattern.quote(rootPackage) + "\\.([a-z][a-z0-9_]*)\\.([A-Z]\\w*)");
    Map<String, Map<String, List<Use>>> edges = new TreeMap<>();
    sources.forEach((file, text) -> {
      Matcher pkg = packageLine.matcher(text);
      Optional<String> from = pkg.find() ? topLevel(rootPackage, pkg.group(1)) : Optional.empty();
      if (from.isEmpty()) {
        return;
      }
      Matcher m = reference.matcher(text);
      while (m.find()) {
        if (!m.group(1).equals(from.get())) {
          edges.computeIfAbsent(from.get(), k -> new TreeMap<>()).computeIfAbsent(m.group(1), k -> new ArrayList<>())
              .add(new Use(from.get(), file, m.group(1), m.group(2)));
        }
      }
    });
    return new SourceDependencies(edges);
  }

  static SourceDependencies read(String rootPackage, Path sourceRoot) {
    Map<String, String> sources = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(sourceRoot.resolve(rootPackage.replace('.', '/')))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        sources.put(sourceRoot.relativize(f).toString(), Files.readString(f));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return of(rootPackage, sources);
  }

  /** The same graph without the uses {@code frozen} accepts. */
  SourceDependencies without(java.util.function.Predicate<Use> frozen) {
    Map<String, Map<String, List<Use>>> kept = new TreeMap<>();
    edges.forEach((from, tos) -> tos.forEach((to, uses) -> {
      List<Use> rest = uses.stream().filter(frozen.negate()).toList();
      if (!rest.isEmpty()) {
        kept.computeIfAbsent(from, k -> new TreeMap<>()).put(to, rest);
      }
    }));
    return new SourceDependencies(kept);
  }

  /** Each cycle once, as the packages around it and one use per step, e.g. "a -> b (A.java uses b.X) -> a ...". */
  List<String> cycles() {
    List<String> found = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    edges.forEach((from, tos) -> tos.keySet().forEach(to -> pathBack(to, from).ifPresent(back -> {
      List<String> ring = new ArrayList<>();
      ring.add(from);
      ring.addAll(back);
      if (seen.add(canonical(ring))) {
        found.add(describe(ring));
      }
    })));
    return found;
  }

  /** The shortest package path from {@code start} to {@code goal}, both included. */
  private Optional<List<String>> pathBack(String start, String goal) {
    Map<String, String> parent = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>(List.of(start));
    parent.put(start, start);
    while (!queue.isEmpty()) {
      String at = queue.poll();
      if (at.equals(goal)) {
        List<String> path = new ArrayList<>();
        for (String p = goal; ; p = parent.get(p)) {
          path.add(0, p);
          if (p.equals(start)) {
            return Optional.of(path);
          }
        }
      }
      for (String next : edges.getOrDefault(at, Map.of()).keySet()) {
        if (parent.putIfAbsent(next, at) == null) {
          queue.add(next);
        }
      }
    }
    return Optional.empty();
  }

  private String describe(List<String> ring) {
    StringBuilder s = new StringBuilder(ring.get(0));
    for (int i = 1; i < ring.size(); i++) {
      Use use = edges.get(ring.get(i - 1)).get(ring.get(i)).get(0);
      s.append(" -> ").append(ring.get(i)).append(" (").append(use.file()).append(" uses ").append(use.to())
          .append('.').append(use.type()).append(')');
    }
    return s.toString();
  }

  /** The ring rotated to start at its smallest package, so each cycle is reported once. */
  private static String canonical(List<String> ring) {
    List<String> open = ring.subList(0, ring.size() - 1);
    int start = open.indexOf(new TreeSet<>(open).first());
    List<String> rotated = new ArrayList<>(open.subList(start, open.size()));
    rotated.addAll(open.subList(0, start));
    return String.join(" ", rotated);
  }

  private static Optional<String> topLevel(String rootPackage, String pkg) {
    if (!pkg.startsWith(rootPackage + ".")) {
      return Optional.empty();
    }
    String rest = pkg.substring(rootPackage.length() + 1);
    int dot = rest.indexOf('.');
    return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
  }
}
