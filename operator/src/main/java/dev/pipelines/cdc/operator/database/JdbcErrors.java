package dev.pipelines.cdc.operator.database;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/**
 * A JDBC failure → a check result, by SQLSTATE (both drivers use the standard classes: 28 for
 * authorization, 08 for connections). Messages are the server's or the driver's, which name the
 * user but never the password.
 */
final class JdbcErrors {
  private JdbcErrors() {}

  static CheckResult classify(SQLException e, String what, String user) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String detail = firstLine(e.getMessage());
    if (state.startsWith("28") || e.getErrorCode() == 1045) {
      return CheckResult.failed(DatabaseReasons.AUTHENTICATION_FAILED,
          what + " refused user '" + user + "': " + detail + " (check the credentials Secret)");
    }
    if ("3D000".equals(state) || e.getErrorCode() == 1049) {
      return CheckResult.failed(DatabaseReasons.DATABASE_NOT_FOUND, what + ": " + detail);
    }
    if (state.startsWith("08") || "57P03".equals(state) || hasNetworkCause(e)) {
      return CheckResult.retry(DatabaseReasons.UNREACHABLE, what + " is unreachable: " + detail);
    }
    return CheckResult.retry(DatabaseReasons.CHECK_FAILED, what + ": " + detail + " (SQLSTATE " + state + ")");
  }

  private static boolean hasNetworkCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof SocketTimeoutException
          || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
        return true;
      }
    }
    return false;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "(no message)";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).trim();
  }
}
