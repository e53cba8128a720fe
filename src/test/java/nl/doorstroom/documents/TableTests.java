package nl.doorstroom.documents;

import static nl.doorstroom.documents.TableFixtures.REFERENCE;
import static nl.doorstroom.documents.TableFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import nl.doorstroom.documents.Table.Column;
import nl.doorstroom.documents.Table.Kind;
import org.junit.jupiter.api.Test;

class TableTests {

    List<Column> twoColumns = List.of(new Column("Gemeente", Kind.TEXT), new Column("Taakstelling", Kind.INTEGER));

    @Test
    void refusesARowWithTooFewOrTooManyCells() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Table("Quota", twoColumns, List.of(row("Ameland")), REFERENCE))
                .withMessageContaining("Row 1").withMessageContaining("1 cells for 2 columns");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Table("Quota", twoColumns, List.of(row("Ameland", 2), row("Urk", 3, 4)), REFERENCE))
                .withMessageContaining("Row 2");
    }

    @Test
    void refusesACellThatIsNoTextNumberOrDate() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Table("Quota", twoColumns, List.of(row("Urk", LocalDateTime.now())), REFERENCE))
                .withMessageContaining("LocalDateTime");
    }

    @Test
    void keepsEmptyCellsAndIsNotChangedThroughTheListsItWasGiven() {
        var rows = new ArrayList<List<Object>>();
        rows.add(row("Ameland", null));

        var table = new Table("Quota", twoColumns, rows, REFERENCE);
        rows.add(row("Urk", 3));

        assertThat(table.rows()).hasSize(1);
        assertThat(table.rows().get(0)).containsExactly("Ameland", null);
    }
}
