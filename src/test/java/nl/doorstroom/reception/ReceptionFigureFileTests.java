package nl.doorstroom.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.Set;

import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.MunicipalityCode;
import org.junit.jupiter.api.Test;

class ReceptionFigureFileTests {

    static final LocalDate TODAY = LocalDate.of(2024, 7, 15);

    static final Set<MunicipalityCode> KNOWN = Set.of(MunicipalityCode.of("GM0363"), MunicipalityCode.of("GM0344"),
            MunicipalityCode.of("GM0088"));

    static java.util.List<ReceptionFigureFile.Figure> read(String csv, FigureKind kind) {
        return ReceptionFigureFile.read(new StringReader(csv), kind, KNOWN::contains, TODAY);
    }

    @Test
    void readsEveryRowWithItsReferenceDate() {
        var figures = read("""
                municipality,places,reference_date
                GM0363,4479,2024-06-30
                0344,"1,650",30-6-2024
                88,5,2024-01-01
                GM0088,6,2024-06-30
                """, FigureKind.MUNICIPAL_PLACES);

        assertThat(figures).containsExactly(
                new ReceptionFigureFile.Figure(MunicipalityCode.of("GM0363"), LocalDate.of(2024, 6, 30), 4479),
                new ReceptionFigureFile.Figure(MunicipalityCode.of("GM0344"), LocalDate.of(2024, 6, 30), 1650),
                new ReceptionFigureFile.Figure(MunicipalityCode.of("GM0088"), LocalDate.of(2024, 1, 1), 5),
                new ReceptionFigureFile.Figure(MunicipalityCode.of("GM0088"), LocalDate.of(2024, 6, 30), 6));
    }

    @Test
    void readsDutchHeadersAndSemicolons() {
        var figures = read("gemeente;personen;peildatum\nGM0363;2.150;2024-06-30\n", FigureKind.UKRAINIANS);

        assertThat(figures).extracting(ReceptionFigureFile.Figure::value).containsExactly(2150L);
    }

    @Test
    void refusesTheWholeFileWithEveryBadRowByRowAndColumn() {
        var csv = """
                municipality,persons,reference_date
                GM0363,10,2024-06-30
                GM9999,10,2024-06-30
                XX,-3,2024-06-30
                GM0344,1.5,2024-13-01
                GM0344,7,2024-08-01

                GM0363,12,2024-06-30
                GM0088,
                """;

        assertThatThrownBy(() -> read(csv, FigureKind.UKRAINIANS)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.problems()).extracting(p -> p.row(), p -> p.field(), p -> p.messageKey())
                        .containsExactly(
                                tuple(3, "municipality", "receptionFigures.municipality.unknown"),
                                tuple(4, "municipality", "receptionFigures.municipality.invalid"),
                                tuple(4, "persons", "receptionFigures.figure.notWhole"),
                                tuple(5, "persons", "receptionFigures.figure.notWhole"),
                                tuple(5, "referenceDate", "receptionFigures.date.invalid"),
                                tuple(6, "referenceDate", "receptionFigures.date.future"),
                                tuple(8, "municipality", "receptionFigures.municipality.duplicate"),
                                tuple(9, "file", "receptionFigures.row.fieldCount")));
    }

    @Test
    void namesEveryMissingColumn() {
        assertThatThrownBy(() -> read("code,aantal_plaatsen\nGM0363,4\n", FigureKind.UKRAINIANS))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field()).containsExactly("persons", "referenceDate"));
    }

    @Test
    void refusesAFileWithOnlyAHeader() {
        assertThatThrownBy(() -> read("municipality,places,reference_date\n", FigureKind.MUNICIPAL_PLACES))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems().get(0).messageKey())
                        .isEqualTo("receptionFigures.file.noRows"));
    }

    @Test
    void refusesAFigureAboveTheMaximum() {
        assertThatThrownBy(() -> read("municipality,places,reference_date\nGM0363,99999999999999999999,2024-06-30\n",
                FigureKind.MUNICIPAL_PLACES)).isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("receptionFigures.figure.range"));
    }
}
