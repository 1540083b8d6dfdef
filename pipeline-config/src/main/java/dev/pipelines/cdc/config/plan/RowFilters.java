package dev.pipelines.cdc.config.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A transform's row filter, as text, before PostgreSQL sees it. The filter is a user's predicate, and
 * the job puts it into SQL as the body of {@code WHERE (...)}: of the publication's row filter and of
 * the snapshot's {@code COPY (SELECT ...)}. PostgreSQL parses it there, but pgjdbc splits a statement
 * at a {@code ;} and a comment or an unbalanced parenthesis could end the {@code WHERE} early, so this
 * refuses, before any statement is built, every text that could be more than one parenthesized
 * expression: a {@code ;}, a comment, a parenthesis closing one it did not open, an unterminated quote,
 * a {@code $} (dollar quoting, parameters) and a backslash (escape strings, whose quoting depends on
 * {@code standard_conforming_strings}). Pure. It also names the columns the filter can refer to, which
 * PostgreSQL requires in the replica identity of a table whose UPDATEs and DELETEs are published.
 */
public final class RowFilters {
  /** The longest filter taken (the CRD holds the same bound). */
  public static final int MAX_LENGTH = 4096;

  private RowFilters() {}

  /** Why the filter cannot be put into a statement, if it cannot. */
  public static Optional<String> problem(String filter) {
    if (filter.isBlank()) {
      return Optional.of("is empty");
    }
    if (filter.length() > MAX_LENGTH) {
      return Optional.of("is " + filter.length() + " characters long; at most " + MAX_LENGTH);
    }
    // Anywhere, literals included: in an escape string (E'...', or any literal where standard_conforming_strings
    // is off) a backslash quotes the next quote, so PostgreSQL could end a literal where this reading does not.
    int backslash = filter.indexOf('\\');
    if (backslash >= 0) {
      return Optional.of("holds a backslash (position " + (backslash + 1) + "): escape strings are not taken");
    }
    int depth = 0;
    int i = 0;
    while (i < filter.length()) {
      char c = filter.charAt(i);
      switch (c) {
        case '\'', '"' -> {
          int end = closing(filter, i);
          if (end < 0) {
            return Optional.of("has an unterminated " + (c == '\'' ? "string literal" : "quoted identifier")
                + " (from position " + (i + 1) + ")");
          }
          i = end;
        }
        case '(' -> depth++;
        case ')' -> {
          if (--depth < 0) {
            return Optional.of("closes a parenthesis it did not open (position " + (i + 1) + ")");
          }
        }
        case ';' -> {
          return Optional.of("holds a ';' (position " + (i + 1) + "): a filter is one expression, not statements");
        }
        case '$' -> {
          return Optional.of("holds a '$' (position " + (i + 1) + "): dollar quoting and parameters are not taken;"
              + " write text in single quotes");
        }
        case '-', '/' -> {
          if (i + 1 < filter.length() && filter.charAt(i + 1) == (c == '-' ? '-' : '*')) {
            return Optional.of("holds a comment (position " + (i + 1) + ")");
          }
        }
        default -> {
          if (c == 0) {
            return Optional.of("holds a NUL character");
          }
        }
      }
      i++;
    }
    return depth == 0 ? Optional.empty()
        : Optional.of("leaves " + depth + (depth == 1 ? " parenthesis" : " parentheses") + " open");
  }

  /**
   * The names among {@code columns} the filter can refer to: each identifier outside string literals,
   * as PostgreSQL reads it (quoted exactly, unquoted folded to lower case). A function or keyword that
   * happens to share a column's name counts too, so the answer is never short of a column the filter uses.
   * Only for a filter {@link #problem} accepts.
   */
  public static Set<String> referencedColumns(String filter, List<String> columns) {
    Set<String> identifiers = new LinkedHashSet<>();
    int i = 0;
    while (i < filter.length()) {
      char c = filter.charAt(i);
      if (c == '\'') {
        i = closing(filter, i) + 1;
      } else if (c == '"') {
        int end = closing(filter, i);
        identifiers.add(filter.substring(i + 1, end).replace("\"\"", "\""));
        i = end + 1;
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < filter.length() && (Character.isLetterOrDigit(filter.charAt(i)) || filter.charAt(i) == '_')) {
          i++;
        }
        identifiers.add(filter.substring(start, i).toLowerCase(Locale.ROOT));
      } else {
        i++;
      }
    }
    List<String> out = new ArrayList<>();
    columns.stream().filter(identifiers::contains).forEach(out::add);
    return new LinkedHashSet<>(out);
  }

  /** The index of the quote closing the one at {@code start} (a doubled quote is part of the text); -1 if none. */
  private static int closing(String text, int start) {
    char quote = text.charAt(start);
    int i = start + 1;
    while (i < text.length()) {
      if (text.charAt(i) == quote) {
        if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i;
      }
      i++;
    }
    return -1;
  }
}
