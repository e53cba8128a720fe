package nl.doorstroom.municipalities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.stream.Collectors;

import nl.doorstroom.shared.InvalidInput;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@nl.doorstroom.IntegrationTest
class PopulationsIntegrationTests {

    @Autowired
    Populations populations;

    @Autowired
    MunicipalityRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Test
    void shipsThe342MunicipalitiesWithTheirProvincesRegionsAndNeighbours() {
        assertThat(registry.all()).hasSize(342);
        assertThat(registry.provinces()).hasSize(12);
        assertThat(registry.all()).allSatisfy(m -> assertThat(m.coaRegion()).startsWith("COA-"));
        assertThat(registry.neighboursOf(nl.doorstroom.shared.MunicipalityCode.of("GM0344")))
                .extracting(Municipality::name).contains("Nieuwegein", "Zeist");
        assertThat(populations.figures(1)).hasSize(342);
    }

    @Test
    void importsAValidFileAsANewVersionAndAuditsIt() {
        long auditBefore = count("audit_event");

        var version = populations.importVersion(new StringReader(fileWith(1, "")), LocalDate.of(2023, 1, 1), null);

        assertThat(version.referenceDate()).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(version.official()).isTrue();
        assertThat(version.municipalityCount()).isEqualTo(342);
        assertThat(populations.figures(version.id()).values()).allMatch(p -> p == 1L + 1);
        assertThat(populations.on(LocalDate.of(2023, 1, 1))).extracting(PopulationVersion::id).contains(version.id());
        assertThat(populations.version(1)).isPresent();
        assertThat(count("audit_event")).isEqualTo(auditBefore + 1);
    }

    @Test
    void refusesAFileWithOneBadRowWholeAndStoresNothing() {
        long versionsBefore = count("population_version");
        long figuresBefore = count("population_figure");
        long auditBefore = count("audit_event");

        var refused = catchThrowableOfType(InvalidInput.class, () -> populations.importVersion(
                new StringReader(fileWith(1, "GM0344;Utrecht;-1\n")), LocalDate.of(2023, 1, 1), null));

        assertThat(refused.problems()).extracting(InvalidInput.Problem::messageKey)
                .contains("population.code.duplicate", "population.value.negative");
        assertThat(count("population_version")).isEqualTo(versionsBefore);
        assertThat(count("population_figure")).isEqualTo(figuresBefore);
        assertThat(count("audit_event")).isEqualTo(auditBefore);
    }

    @Test
    void refusesAReferenceDateInTheFuture() {
        var refused = catchThrowableOfType(InvalidInput.class, () -> populations.importVersion(
                new StringReader(fileWith(1, "")), LocalDate.now().plusDays(2), null));

        assertThat(refused.problems()).extracting(InvalidInput.Problem::field).containsExactly("referenceDate");
    }

    /** A file with every municipality at population (offset + 1), plus extra rows. */
    String fileWith(int offset, String extraRows) {
        return "code;naam;bevolking\n" + registry.all().stream()
                .map(m -> m.code().value() + ";" + m.name() + ";" + (offset + 1))
                .collect(Collectors.joining("\n")) + "\n" + extraRows;
    }

    long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
