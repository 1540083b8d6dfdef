package dev.pipelines.cdc.job.failure;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * An SQL error as one line, for a stop's message: the operator shows a stop's message up to its
 * first line break, and pgjdbc's text of a server error continues on further lines ({@code Where:},
 * {@code Position:}), so only the server's primary message is kept.
 */
public final class SqlErrors {
  private SqlErrors() {}

  public static String oneLine(SQLException e) {
    String text = null;
    if (e instanceof PSQLException p) {
      ServerErrorMessage server = p.getServerErrorMessage();
      text = server == null ? null : server.getMessage();
    }
    if (text == null) {
      text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    int end = text.indexOf('\n');
    return (end < 0 ? text : text.substring(0, end)).strip();
  }
}
