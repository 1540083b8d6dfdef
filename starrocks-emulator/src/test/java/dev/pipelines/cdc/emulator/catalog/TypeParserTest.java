package dev.pipelines.cdc.emulator.catalog;

import dev.pipelines.cdc.emulator.sql.SqlError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TypeParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "BOOLEAN|BOOLEAN|boolean|boolean",
            "tinyint|TINYINT|tinyint|tinyint(4)",
            "SMALLINT|SMALLINT|smallint|smallint(6)",
            "INT(11)|INT|int|int(11)",
            "BIGINT|BIGINT|bigint|bigint(20)",
            "LARGEINT|LARGEINT|largeint|largeint(40)",
            "FLOAT|FLOAT|float|float",
            "DOUBLE|DOUBLE|double|double",
            "DECIMAL(12, 4)|DECIMAL(12,4)|decimal|decimal(12,4)",
            "DECIMAL|DECIMAL(10,0)|decimal|decimal(10,0)",
            "DATE|DATE|date|date",
            "DATETIME|DATETIME|datetime|datetime",
            "CHAR(10)|CHAR(10)|char|char(10)",
            "VARCHAR(255)|VARCHAR(255)|varchar|varchar(255)",
            "STRING|STRING|varchar|varchar(65533)",
            "JSON|JSON|json|json",
            "VARBINARY(16)|VARBINARY(16)|varbinary|varbinary(16)",
            "ARRAY<INT>|ARRAY<INT>|array|array<int(11)>",
            "ARRAY<ARRAY<VARCHAR(3)>>|ARRAY<ARRAY<VARCHAR(3)>>|array|array<array<varchar(3)>>",
    })
    void parsesStarRocksTypes(String text, String sql, String dataType, String columnType) {
        StarRocksType type = TypeParser.parse(text);
        assertThat(type.sql()).isEqualTo(sql);
        assertThat(type.dataType()).isEqualTo(dataType);
        assertThat(type.columnType()).isEqualTo(columnType);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TEXT", "MEDIUMINT", "DECIMAL(39,2)", "DECIMAL(5,6)", "VARCHAR(0)", "CHAR(256)",
            "VARCHAR(1048577)", "MAP<INT,INT>", "ARRAY<INT", "BITMAP", "HLL", "TIMESTAMP"})
    void rejectsWhatStarRocksRejectsOrTheEmulatorDoesNotImplement(String text) {
        assertThatThrownBy(() -> TypeParser.parse(text)).isInstanceOf(SqlError.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"LARGEINT|DECIMAL(39,0)", "ARRAY<INT>|LONGTEXT", "DATETIME|DATETIME(6)",
            "VARCHAR(20)|VARCHAR(20)", "VARCHAR(65533)|LONGTEXT", "BOOLEAN|TINYINT(1)"})
    void mapsToALosslessMariaDbType(String text, String storage) {
        assertThat(TypeParser.parse(text).storageType()).isEqualTo(storage);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"DECIMAL(12,4)|12|4", "VARCHAR(20)|20|", "INT|10|0", "DATETIME|19|"})
    void reportsColumnSizeAndDecimalDigits(String text, Long size, Long digits) {
        StarRocksType type = TypeParser.parse(text);
        assertThat(type.columnSize()).isEqualTo(size);
        assertThat(type.decimalDigits()).isEqualTo(digits);
    }
}
