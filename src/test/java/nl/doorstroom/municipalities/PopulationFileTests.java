package nl.doorstroom.municipalities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.util.Set;

import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import org.junit.jupiter.api.Test;

class PopulationFileTests {

    static final MunicipalityCode GRONINGEN = MunicipalityCode.of("GM0014");
    static final MunicipalityCode ALMERE = MunicipalityCode.of("GM0034");
    static final MunicipalityCode AMSTERDAM = MunicipalityCode.of("GM0363");
    static final Set<MunicipalityCode> THREE = Set.of(GRONINGEN, ALMERE, AMSTERDAM);

    @Test
    void readsCommaSeparatedFileWithEveryMunicipality() {
        var csv = """
                code,name,population
                GM0014,Groningen,244829
                GM0034,Almere,232650
                GM0363,Amsterdam,942504
                """;

        var figures = PopulationFile.read(new StringReader(csv), THREE);

        assertThat(figures).containsEntry(AMSTERDAM, 942504L).hasSize(3);
    }

    @Test
    void readsCbsStyleSemicolonFileWithByteOrderMarkAndNumericCodes() {
        var csv = "\uFEFF\"Gemeentecode\";\"Gemeentenaam\";\"Bevolking op 1 januari\"\n"
                + "\"14\";\"Groningen\";\"1\"\n\"0034\";\"Almere\";\"2\"\n\"GM0363\";\"Amsterdam\";\"3\"\n";

        var figures = PopulationFile.read(new StringReader(csv), THREE);

        assertThat(figures).containsEntry(GRONINGEN, 1L).containsEntry(ALMERE, 2L).containsEntry(AMSTERDAM, 3L);
    }

    @Test
    void reportsEveryProblemByRowAndColumn() {
        var csv = """
                code;naam;bevolking
                GM0014;Groningen;-5
                GM9999;Nergens;100
                GM0014;Groningen;200
                GM0034;;twaalf
                """;

        var refused = catchThrowableOfType(InvalidInput.class, () -> PopulationFile.read(new StringReader(csv), THREE));

        assertThat(refused.problems()).extracting(Problem::row, Problem::field, Problem::messageKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "population", "population.value.negative"),
                        org.assertj.core.groups.Tuple.tuple(3, "code", "population.code.unknown"),
                        org.assertj.core.groups.Tuple.tuple(4, "code", "population.code.duplicate"),
                        org.assertj.core.groups.Tuple.tuple(5, "name", "population.name.missing"),
                        org.assertj.core.groups.Tuple.tuple(5, "population", "population.value.notWhole"),
                        org.assertj.core.groups.Tuple.tuple(0, "code", "population.municipality.missing"));
        assertThat(refused.problems().get(5).arguments()).containsExactly("GM0363");
    }

    @Test
    void refusesAHeaderWithoutThePopulationColumn() {
        var csv = "code,name\nGM0014,Groningen\n";

        var refused = catchThrowableOfType(InvalidInput.class, () -> PopulationFile.read(new StringReader(csv), THREE));

        assertThat(refused.problems()).extracting(Problem::row, Problem::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "population"));
    }

    @Test
    void neverReadsDensityAsPopulationAndRefusesTwoPopulationColumns() {
        var density = "code;naam;Bevolkingsdichtheid\nGM0014;Groningen;1234\n";
        var two = "code;naam;Bevolking;Totale bevolking (aantal)\nGM0014;Groningen;1;1\n";

        var noPopulation = catchThrowableOfType(InvalidInput.class,
                () -> PopulationFile.read(new StringReader(density), THREE));
        var ambiguous = catchThrowableOfType(InvalidInput.class, () -> PopulationFile.read(new StringReader(two), THREE));

        assertThat(noPopulation.problems()).extracting(Problem::messageKey).containsExactly("population.header.missing");
        assertThat(ambiguous.problems()).extracting(Problem::messageKey).containsExactly("population.header.ambiguous");
    }

    @Test
    void refusesAnEmptyFile() {
        var refused = catchThrowableOfType(InvalidInput.class, () -> PopulationFile.read(new StringReader(" \n"), THREE));

        assertThat(refused.problems()).extracting(Problem::messageKey).containsExactly("population.file.empty");
    }

    @Test
    void refusesARowWithTooFewFields() {
        var csv = "code,name,population\nGM0014,Groningen\nGM0034,Almere,1\nGM0363,Amsterdam,2\n";

        var refused = catchThrowableOfType(InvalidInput.class, () -> PopulationFile.read(new StringReader(csv), THREE));

        assertThat(refused.problems()).extracting(Problem::row, Problem::messageKey).contains(
                org.assertj.core.groups.Tuple.tuple(2, "population.row.fieldCount"));
    }
}
