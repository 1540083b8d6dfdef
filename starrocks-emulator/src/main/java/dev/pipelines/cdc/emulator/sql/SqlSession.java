package dev.pipelines.cdc.emulator.sql;

import dev.pipelines.cdc.emulator.store.QuerySession;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One client's SQL session: answers what StarRocks answers itself (version, DDL, SHOW/DESC), passes
 * queries, information_schema and session statements to the store's session, and rejects the rest.
 */
public final class SqlSession implements AutoCloseable {

    /** What {@code current_version()} answers; the connector only requires that the call succeeds. */
    public static final String VERSION = "3.3.0-emulator";

    private static final Pattern CURRENT_VERSION = Pattern.compile(
            "(?is)select\\s+current_version\\(\\)(?:\\s+(?:as\\s+)?`?(\\w+)`?)?");
    private static final Pattern LEADING_COMMENTS = Pattern.compile("^(\\s*/\\*.*?\\*/)*\\s*", Pattern.DOTALL);
    private static final Pattern TRAILING_SEMICOLONS = Pattern.compile("[\\s;]+$");
    private static final Pattern FIRST_WORD = Pattern.compile("^\\(*\\s*([A-Za-z]+)");

    private final DdlExecutor ddl;
    private final QuerySession backend;
    private String database;

    public SqlSession(DdlExecutor ddl, QuerySession backend) {
        this.ddl = ddl;
        this.backend = backend;
    }

    public String database() {
        return database;
    }

    public void useDatabase(String db) {
        execute("USE `" + db.replace("`", "``") + "`");
    }

    public QueryResult execute(String rawSql) {
        String sql = TRAILING_SEMICOLONS.matcher(LEADING_COMMENTS.matcher(rawSql).replaceFirst("")).replaceFirst("");
        Matcher version = CURRENT_VERSION.matcher(sql);
        if (version.matches()) {
            String label = version.group(1) != null ? version.group(1) : "current_version()";
            return QueryResult.strings(List.of(label), List.of(List.of(VERSION)));
        }
        Optional<Statement> statement = StatementParser.parse(sql);
        if (statement.isPresent()) {
            QueryResult result = ddl.execute(statement.get(), database);
            if (statement.get() instanceof Statement.Use use) {
                database = use.database();
                backend.use(use.database());
            }
            return result;
        }
        String first = firstWord(sql);
        return switch (first) {
            case "SELECT", "WITH", "EXPLAIN" -> backend.query(sql);
            case "SET", "SHOW", "BEGIN", "START", "COMMIT", "ROLLBACK" -> backend.sessionStatement(sql);
            case "INSERT", "UPDATE", "DELETE", "REPLACE" -> throw SqlError.analysis(
                    "The emulator accepts data only through Stream Load; " + first + " is not supported");
            default -> throw SqlError.syntax("Unexpected input '" + first.toLowerCase(Locale.ROOT)
                    + "': the emulator does not support this statement");
        };
    }

    private static String firstWord(String sql) {
        Matcher m = FIRST_WORD.matcher(sql);
        return m.find() ? m.group(1).toUpperCase(Locale.ROOT) : "";
    }

    @Override
    public void close() {
        backend.close();
    }
}
