package dev.pipelines.cdc.emulator.load;

import java.util.List;

/**
 * The converted content of one load request.
 *
 * @param errors one line per filtered row, for the error log behind ErrorURL
 */
public record LoadBatch(List<RowChange> changes, boolean partialUpdate, int totalRows, int filteredRows,
                        long loadBytes, List<String> errors) {

    public int loadedRows() {
        return totalRows - filteredRows;
    }

    /** StarRocks fails a load when filtered / total exceeds max_filter_ratio. */
    public boolean exceeds(double maxFilterRatio) {
        return totalRows > 0 && (double) filteredRows / totalRows > maxFilterRatio;
    }
}
