package nl.doorstroom.housingmarket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import org.junit.jupiter.api.Test;

/** Reading a corporation's year from CSV: Dutch numbers, and every bad row reported by row and column. */
class MarketFileTests {

    static final String HEADER = MarketFile.header() + "\n";
    static final Set<String> KNOWN = Set.of("GM0344", "GM0353", "GM0355", "GM0356");

    static Map<MunicipalityCode, FiguresForm> read(String csv, Set<String> served) {
        return MarketFile.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                code -> KNOWN.contains(code.value()), code -> served.contains(code.value()));
    }

    @Test
    void readsDutchNumbersAndAnEmptyOptionalColumn() {
        var rows = read(HEADER + "GM0344;1.234;2 000;300;12;100;80;20;1;25;12.500;48,5;\n"
                + "0353;10;10;10;10;1;1;1;1;0;100;36;1.100\n", KNOWN);
        var utrecht = rows.get(MunicipalityCode.of("GM0344"));
        assertThat(utrecht.homes()).containsEntry(SizeBand.SMALL, 1234).containsEntry(SizeBand.MEDIUM, 2000);
        assertThat(utrecht.activeSeekers()).isEqualTo(12_500);
        assertThat(utrecht.medianWaitMonths()).isEqualTo(48.5);
        assertThat(utrecht.newSeekersPerYear()).isNull();
        assertThat(rows.get(MunicipalityCode.of("GM0353")).newSeekersPerYear()).isEqualTo(1100);
    }

    @Test
    void theColumnsMayComeInAnyOrderWithOtherNames() {
        var rows = read("Mediane inschrijfduur maanden,gemeentecode,Woningen Klein,woningen_middel,woningen_groot,"
                + "woningen_extra_groot,vrijkomend_klein,vrijkomend_middel,vrijkomend_groot,vrijkomend_extra_groot,"
                + "toegewezen_vergunninghouders,actief_woningzoekenden,opmerking\n"
                + "60,GM0355,1,2,3,4,1,1,1,1,2,50,iets\n", KNOWN);
        assertThat(rows.get(MunicipalityCode.of("GM0355")).homes()).containsEntry(SizeBand.EXTRA_LARGE, 4);
    }

    @Test
    void everyBadRowIsReportedWithRowColumnAndWhy() {
        var csv = HEADER
                + "GM0344;100;100;50;10;10;8;4;1;5;1000;40;\n"          // row 2: right
                + "GM9999;100;100;50;10;10;8;4;1;5;1000;40;\n"          // row 3: unknown municipality
                + "GM0356;100;100;50;10;10;8;4;1;5;1000;40;\n"          // row 4: not served
                + "GM0353;-1;100;50;;10;8;4;1;5;1000;veel;\n"           // row 5: negative, missing, not a number
                + "GM0355;100;100;50;10;1;1;1;1;5;1000;40;\n"           // row 6: allocated above vacancies
                + "GM0344;100;100;50;10;10;8;4;1;5;1000;40;12,5\n";     // row 7: duplicate, new seekers not whole
        assertThatThrownBy(() -> read(csv, Set.of("GM0344", "GM0353", "GM0355")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(Problem::row, Problem::field, Problem::messageKey)
                        .containsExactly(
                                tuple(3, "gemeentecode", "housingmarket.import.municipality.unknown"),
                                tuple(4, "gemeentecode", "housingmarket.import.municipality.notServed"),
                                tuple(5, "mediane_inschrijfduur_maanden", "housingmarket.import.decimal.invalid"),
                                tuple(5, "woningen_klein", "housingmarket.value.negative"),
                                tuple(5, "woningen_extra_groot", "housingmarket.value.missing"),
                                tuple(6, "toegewezen_vergunninghouders", "housingmarket.allocated.aboveVacancies"),
                                tuple(7, "gemeentecode", "housingmarket.import.duplicate"),
                                tuple(7, "nieuwe_woningzoekenden_per_jaar", "housingmarket.import.number.invalid")));
    }

    @Test
    void aMissingColumnIsNamed() {
        assertThatThrownBy(() -> read("gemeentecode;woningen_klein\nGM0344;1\n", KNOWN))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(Problem::field)
                        .contains("woningen_middel", "actief_woningzoekenden", "mediane_inschrijfduur_maanden")
                        .doesNotContain("nieuwe_woningzoekenden_per_jaar"));
    }

    @Test
    void dutchNumbers() {
        assertThat(MarketFile.parseNumber("1.234")).isEqualTo(1234);
        assertThat(MarketFile.parseNumber("1.234.567")).isEqualTo(1_234_567);
        assertThat(MarketFile.parseNumber("1.234,5")).isEqualTo(1234.5);
        assertThat(MarketFile.parseNumber("48,5")).isEqualTo(48.5);
        assertThat(MarketFile.parseNumber("48.5")).isEqualTo(48.5);
        assertThat(MarketFile.parseNumber("12 500")).isEqualTo(12_500);
        assertThatThrownBy(() -> MarketFile.parseNumber("1,2,3")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> MarketFile.parseNumber("12a")).isInstanceOf(NumberFormatException.class);
    }
}
