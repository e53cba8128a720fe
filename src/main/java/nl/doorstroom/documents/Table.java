package nl.doorstroom.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A table as a page shows it, ready for export: a title, typed columns, rows of cells and the note
 * that says what the figures refer to ("Peildatum 2026-11-28; synthetische demonstratiegegevens"),
 * which every export repeats so a downloaded file never loses its reference date.
 *
 * <p>A cell is a {@link String}, a {@link Number} ({@link Long}, {@link Integer}, {@link BigDecimal},
 * {@link Double}), a {@link LocalDate} or {@code null} (empty).
 */
public record Table(String title, List<Column> columns, List<List<Object>> rows, String referenceNote) {

    public Table {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(referenceNote, "referenceNote");
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException("A table needs at least one column: " + title);
        }
        columns = List.copyOf(columns);
        var copied = new ArrayList<List<Object>>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            var row = rows.get(r);
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("Row " + (r + 1) + " of " + title + " has " + row.size()
                        + " cells for " + columns.size() + " columns");
            }
            for (int c = 0; c < row.size(); c++) {
                var cell = row.get(c);
                if (cell != null && !(cell instanceof String) && !(cell instanceof Number)
                        && !(cell instanceof LocalDate)) {
                    throw new IllegalArgumentException("Row " + (r + 1) + ", column " + columns.get(c).header()
                            + " of " + title + " holds a " + cell.getClass().getSimpleName()
                            + "; a cell is a String, Number, LocalDate or null");
                }
            }
            // Not List.copyOf: an empty cell is null.
            copied.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copied);
    }

    /** A column: its header as shown and the kind of figures in it. */
    public record Column(String header, Kind kind) {

        public Column {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** How a column's cells are meant; a cell of another type (a note in a number column) is written as it is. */
    public enum Kind {
        TEXT,
        /** Whole numbers, such as persons. */
        INTEGER,
        /** Numbers with a fraction; a {@link BigDecimal} keeps its scale in the spreadsheet. */
        DECIMAL,
        /** A fraction: 0.875 is 87.5 %. CSV writes 0.875; the spreadsheet shows 87.5%. */
        PERCENT,
        DATE
    }
}
