package nl.doorstroom.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;

import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.junit.jupiter.api.Test;

/** The demo's made-up market of one municipality: in the ranges the README promises, the same on every run. */
class DemoHousingMarketTests {

    static Municipality municipality(String code, String province, double areaKm2) {
        return new Municipality(MunicipalityCode.of(code), "Test", ProvinceCode.of(province), "Provincie", "Test",
                BigDecimal.valueOf(areaKm2), "R1");
    }

    @Test
    void aCityHasMoreHomesPerInhabitantAndALongerWaitThanTheCountryside() {
        var city = municipality("GM0344", "PV26", 99);       // about 370,000 inhabitants on 99 km2
        var village = municipality("GM1680", "PV22", 280);   // about 25,000 on 280 km2
        var random = new Random(1);
        for (int i = 0; i < 200; i++) {
            var c = DemoHousingMarket.figures(city, 370_000, random, 0);
            var v = DemoHousingMarket.figures(village, 25_000, random, 0);
            double cityHomes = c[0] + c[1] + c[2] + c[3];
            double villageHomes = v[0] + v[1] + v[2] + v[3];
            assertThat(370_000 / cityHomes).isBetween(5.0, 8.0);
            assertThat(25_000 / villageHomes).isBetween(11.0, 16.0);
            for (var f : new double[][] { c, v }) {
                double homes = f[0] + f[1] + f[2] + f[3];
                double vacancies = f[4] + f[5] + f[6] + f[7];
                assertThat(vacancies / homes).isBetween(0.05, 0.09);
                assertThat(f[8] / vacancies).isBetween(0.075, 0.15);
                assertThat(f[0] / homes).isBetween(0.33, 0.47);
            }
            assertThat(c[10]).isBetween(100.0, 132.0);
            assertThat(v[10]).isBetween(27.0, 45.0);
            assertThat(370_000 / c[9]).isBetween(9.9, 14.0);
            assertThat(25_000 / v[9]).isBetween(16.0, 20.1);
        }
    }

    @Test
    void theSameSeedGivesTheSameFigures() {
        var m = municipality("GM0363", "PV27", 219);
        assertThat(DemoHousingMarket.figures(m, 930_000, new Random(DemoHousingMarket.SEED), 0))
                .containsExactly(DemoHousingMarket.figures(m, 930_000, new Random(DemoHousingMarket.SEED), 0));
    }

    @Test
    void theExampleCorporationServesTheDemoAccountsMunicipalitiesAndSharesUtrecht() {
        var utrecht = DemoHousingMarket.parts(municipality("GM0344", "PV26", 99));
        assertThat(utrecht).extracting(DemoHousingMarket.Part::corporation)
                .containsExactly(DemoHousingMarket.EXAMPLE, DemoHousingMarket.RANDSTAD);
        assertThat(utrecht.get(0).fraction() + utrecht.get(1).fraction()).isEqualTo(1.0);
        assertThat(DemoHousingMarket.parts(municipality("GM0356", "PV26", 23))).extracting(DemoHousingMarket.Part::corporation)
                .containsExactly(DemoHousingMarket.EXAMPLE);
        assertThat(DemoHousingMarket.parts(municipality("GM0935", "PV31", 30))).extracting(DemoHousingMarket.Part::corporation)
                .containsExactly(DemoHousingMarket.SOUTH);
        assertThat(DemoHousingMarket.parts(municipality("GM0014", "PV20", 200))).extracting(DemoHousingMarket.Part::corporation)
                .containsExactly(DemoHousingMarket.NORTH_EAST);
    }
}
