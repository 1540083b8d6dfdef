package dev.pipelines.cdc.operator.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the links of Markdown files: a relative link must name a file or directory that exists,
 * and a {@code #fragment} must be the anchor of a heading in its target (GitHub's rule). Web links
 * are not followed (the build runs offline). Pure apart from reading the files it is given.
 */
final class DocLinks {
  /** An inline link or image: [text](target) or [text](target "title"). */
  private static final Pattern LINK = Pattern.compile("\\[[^\\]\\n]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
  private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?s:.*?)\\1");

  private DocLinks() {}

  /** The broken links of one file, each as "file:line: target: why"; empty when all resolve. */
  static List<String> broken(Path file, Path root) {
    List<String> problems = new ArrayList<>();
    List<String> lines = read(file);
    boolean fenced = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.strip().startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      if (fenced) {
        continue;
      }
      Matcher m = LINK.matcher(CODE_SPAN.matcher(line).replaceAll(""));
      while (m.find()) {
        String target = m.group(1);
        String why = check(file, target);
        if (why != null) {
          problems.add(root.relativize(file) + ":" + (i + 1) + ": " + target + ": " + why);
        }
      }
    }
    return problems;
  }

  /** Why a link from {@code file} to {@code target} does not resolve, or null when it does. */
  static String check(Path file, String target) {
    if (target.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
      return null; // http:, https:, mailto: — not followed offline
    }
    int hash = target.indexOf('#');
    String pathPart = hash < 0 ? target : target.substring(0, hash);
    String fragment = hash < 0 ? null : target.substring(hash + 1);
    Path resolved = pathPart.isEmpty() ? file : file.getParent().resolve(pathPart).normalize();
    if (!Files.exists(resolved)) {
      return "no such file " + resolved;
    }
    if (fragment == null) {
      return null;
    }
    if (!resolved.toString().endsWith(".md")) {
      return "#" + fragment + " points into a file that is not Markdown";
    }
    Set<String> anchors = anchors(read(resolved));
    return anchors.contains(fragment) ? null : "no heading with anchor #" + fragment + " in " + resolved.getFileName();
  }

  /** The anchors GitHub gives the headings of a Markdown file, with -1, -2 for repeated ones. */
  static Set<String> anchors(List<String> lines) {
    Set<String> out = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean fenced = false;
    for (String line : lines) {
      if (line.strip().startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      Matcher m = HEADING.matcher(line);
      if (!fenced && m.matches()) {
        String base = anchor(m.group(2));
        int n = seen.merge(base, 1, Integer::sum) - 1;
        out.add(n == 0 ? base : base + "-" + n);
      }
    }
    return out;
  }

  /**
   * GitHub's heading anchor: the text lower-cased, every character that is not a letter, digit,
   * space, '-' or '_' dropped, each space turned into '-'. Link markup keeps only its text.
   */
  static String anchor(String heading) {
    String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
    return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
