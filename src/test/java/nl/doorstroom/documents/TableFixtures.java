package nl.doorstroom.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import nl.doorstroom.documents.Table.Column;
import nl.doorstroom.documents.Table.Kind;

final class TableFixtures {

    static final String REFERENCE = "Peildatum 2026-11-28; synthetische demonstratiegegevens";

    private TableFixtures() {
    }

    /** Three municipalities with their quota, realisation and share, as a progress page shows them. */
    static Table quotaProgress() {
        return new Table("Realisatie 2026-II", List.of(
                new Column("Gemeente", Kind.TEXT),
                new Column("Taakstelling", Kind.INTEGER),
                new Column("Gerealiseerd", Kind.DECIMAL),
                new Column("Aandeel", Kind.PERCENT),
                new Column("Peildatum", Kind.DATE)), List.of(
                row("Súdwest-Fryslân", 87L, new BigDecimal("80.50"), new BigDecimal("0.925"), LocalDate.of(2026, 11, 28)),
                row("'s-Hertogenbosch", 150, new BigDecimal("1E+2"), 0.6667, LocalDate.of(2026, 11, 28)),
                row("Ameland", 2, null, null, null)), REFERENCE);
    }

    static Table oneColumn(String header, Object... cells) {
        return new Table("Test", List.of(new Column(header, Kind.TEXT)),
                Arrays.stream(cells).map(TableFixtures::row).toList(), REFERENCE);
    }

    static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }
}
