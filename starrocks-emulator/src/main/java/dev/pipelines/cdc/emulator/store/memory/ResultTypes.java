package dev.pipelines.cdc.emulator.store.memory;

import dev.pipelines.cdc.emulator.catalog.StarRocksType;
import dev.pipelines.cdc.emulator.sql.ResultColumn;
import dev.pipelines.cdc.emulator.sql.SqlError;

import java.math.BigDecimal;
import java.util.Set;

/** The result-set metadata of each select-list expression, as MariaDB reports it for the MariaDB store's columns. */
final class ResultTypes {

    private final QuerySource source;

    ResultTypes(QuerySource source) {
        this.source = source;
    }

    private StarRocksType typeOf(String column) {
        int i = source.indexOf(column);
        if (i < 0) {
            throw new SqlError(1054, "42S22", "Unknown column '" + column + "' in 'field list'");
        }
        return source.types().get(i);
    }

    /** FLOAT/DOUBLE (and text) columns: MariaDB sums them as DOUBLE. */
    private boolean floating(Expr arg) {
        if (arg instanceof Expr.Column c) {
            StarRocksType.Kind kind = typeOf(c.name()).kind();
            return kind != StarRocksType.Kind.BOOLEAN && kind != StarRocksType.Kind.TINYINT
                    && kind != StarRocksType.Kind.SMALLINT && kind != StarRocksType.Kind.INT
                    && kind != StarRocksType.Kind.BIGINT && kind != StarRocksType.Kind.LARGEINT
                    && kind != StarRocksType.Kind.DECIMAL;
        }
        return false;
    }

    ResultColumn column(String label, Expr e) {
        if (e instanceof Expr.Column c) {
            return columnOf(label, typeOf(c.name()));
        }
        if (e instanceof Expr.Literal l) {
            return l.value() instanceof Long ? ResultColumn.bigint(label)
                    : l.value() instanceof BigDecimal d ? ResultColumn.decimal(label, d.precision(), d.scale())
                    : ResultColumn.varchar(label);
        }
        if (e instanceof Expr.Variable v) {
            return SessionVariables.value(v.name()) instanceof Long ? ResultColumn.bigint(label)
                    : ResultColumn.varchar(label);
        }
        if (e instanceof Expr.Cast c) {
            return switch (c.type()) {
                case "SIGNED", "UNSIGNED" -> ResultColumn.bigint(label);
                case "DECIMAL" -> ResultColumn.decimal(label, 38, c.scale());
                default -> ResultColumn.varchar(label);
            };
        }
        if (e instanceof Expr.Call call) {
            return switch (call.name()) {
                case "COUNT", "CHAR_LENGTH", "LENGTH" -> ResultColumn.bigint(label);
                case "SUM", "AVG" -> call.args().size() == 1 && floating(call.args().get(0))
                        ? new ResultColumn(label, ResultColumn.TYPE_DOUBLE, ResultColumn.BINARY, 22, 0, 31)
                        : ResultColumn.decimal(label, 38, scaleOf(call.args().get(0)) + (call.name().equals("AVG") ? 4 : 0));
                case "MIN", "MAX" -> column(label, call.args().get(0));
                case "COALESCE", "IFNULL" -> call.args().isEmpty() ? ResultColumn.varchar(label)
                        : column(label, call.args().get(0));
                default -> ResultColumn.varchar(label);
            };
        }
        if (e instanceof Expr.Binary b && Set.of("+", "-", "*", "/", "%").contains(b.op())) {
            return ResultColumn.decimal(label, 38, 4);
        }
        return ResultColumn.bigint(label);
    }

    private int scaleOf(Expr e) {
        if (e instanceof Expr.Column c) {
            StarRocksType t = typeOf(c.name());
            return t.kind() == StarRocksType.Kind.DECIMAL ? t.scale() : 0;
        }
        return 0;
    }

    /** The metadata MariaDB reports for the MariaDB store's column of this StarRocks type. */
    static ResultColumn columnOf(String label, StarRocksType type) {
        return switch (type.kind()) {
            case BOOLEAN -> ResultColumn.bool(label);
            case TINYINT -> new ResultColumn(label, ResultColumn.TYPE_TINY, ResultColumn.BINARY, 4, 0, 0);
            case SMALLINT -> new ResultColumn(label, ResultColumn.TYPE_SHORT, ResultColumn.BINARY, 6, 0, 0);
            case INT -> new ResultColumn(label, ResultColumn.TYPE_LONG, ResultColumn.BINARY, 11, 0, 0);
            case BIGINT -> ResultColumn.bigint(label);
            case LARGEINT -> ResultColumn.decimal(label, 39, 0);
            case DECIMAL -> ResultColumn.decimal(label, type.precision(), type.scale());
            case DATE -> ResultColumn.date(label);
            case DATETIME -> ResultColumn.datetime(label);
            case VARBINARY -> ResultColumn.blob(label);
            default -> ResultColumn.varchar(label);
        };
    }
}
