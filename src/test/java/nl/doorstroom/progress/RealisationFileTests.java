package nl.doorstroom.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.time.YearMonth;
import java.util.Set;

import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.MunicipalityCode;
import org.junit.jupiter.api.Test;

class RealisationFileTests {

    static final Set<MunicipalityCode> KNOWN = Set.of(MunicipalityCode.of("GM0344"), MunicipalityCode.of("GM0363"));
    static final YearMonth NOW = YearMonth.of(2026, 11);

    @Test
    void readsEnglishAndDutchHeadersAndCodesInEveryForm() {
        var figures = RealisationFile.read(new StringReader("gemeente;maand;aantal\n344;2024-03;12\nGM0363;2024-03-01;40\n"),
                KNOWN::contains, NOW, (code, month) -> null);

        assertThat(figures).containsExactly(
                new MonthlyFigure(MunicipalityCode.of("GM0344"), YearMonth.of(2024, 3), 12),
                new MonthlyFigure(MunicipalityCode.of("GM0363"), YearMonth.of(2024, 3), 40));
    }

    @Test
    void reportsEveryBadRowWithItsRowAndColumn() {
        var csv = """
                municipality,month,persons
                GM0344,2024-01,5
                GM9999,2024-01,5
                GM0344,2024-13,5
                GM0363,2024-02,-3
                GM0344,2024-01,7
                GM0363,2027-01,1
                GM0363,2024-04,vijf
                """;

        var refused = catchThrowableOfType(InvalidInput.class,
                () -> RealisationFile.read(new StringReader(csv), KNOWN::contains, NOW, (code, month) -> null));

        assertThat(refused.problems()).extracting(p -> p.row() + ":" + p.field() + ":" + p.messageKey()).containsExactly(
                "3:municipality:realisation.municipality.unknown",
                "4:month:realisation.month.invalid",
                "5:persons:realisation.persons.negative",
                "6:month:realisation.duplicate",
                "7:month:realisation.month.future",
                "8:persons:realisation.persons.notWhole");
    }

    @Test
    void rowNumbersAreTheLinesOfTheFileEvenWithEmptyLines() {
        var csv = "municipality,month,persons\n\nGM0344,2024-01,5\n\n\nGM0344,2024-02,x\n";

        var refused = catchThrowableOfType(InvalidInput.class,
                () -> RealisationFile.read(new StringReader(csv), KNOWN::contains, NOW, (code, month) -> null));

        assertThat(refused.problems()).extracting(InvalidInput.Problem::row).containsExactly(6);
    }

    @Test
    void aMunicipalityThatHadMergedIsRefusedOnItsRow() {
        var csv = "municipality,month,persons\nGM0344,2024-01,5\nGM0363,2024-02,1\n";

        var refused = catchThrowableOfType(InvalidInput.class, () -> RealisationFile.read(new StringReader(csv),
                KNOWN::contains, NOW, (code, month) -> code.value().equals("GM0363")
                        ? java.util.List.of("GM0363", "GM0344", "2024-I") : null));

        assertThat(refused.problems()).extracting(p -> p.row() + ":" + p.messageKey())
                .containsExactly("3:realisation.municipality.merged");
    }

    @Test
    void namesEveryMissingColumn() {
        var refused = catchThrowableOfType(InvalidInput.class,
                () -> RealisationFile.read(new StringReader("code,aantal\nGM0344,3\n"), KNOWN::contains, NOW, (code, month) -> null));

        assertThat(refused.problems()).extracting(InvalidInput.Problem::field).containsExactly("month");
    }
}
