package nl.doorstroom.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.permitholders.HouseholdHistory;
import nl.doorstroom.permitholders.Norms;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.junit.jupiter.api.Test;

class DemoHouseholdMixTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    final List<Municipality> municipalities = new ArrayList<>();
    final Map<MunicipalityCode, Long> population = new HashMap<>();
    final Map<MunicipalityCode, Map<YearMonth, Integer>> figures = new HashMap<>();

    DemoHouseholdMixTests() {
        var random = new Random(7);
        for (int i = 0; i < 300; i++) {
            var code = MunicipalityCode.of(String.format("GM%04d", i + 1));
            municipalities.add(new Municipality(code, "Gemeente " + i, ProvinceCode.of("PV20"), "Provincie", "Zetel",
                    BigDecimal.TEN, "COA-" + (1 + i % 5)));
            population.put(code, 10_000L + random.nextInt(200_000));
            var months = new HashMap<YearMonth, Integer>();
            for (int back = 0; back < 12; back++) {
                months.put(YearMonth.from(TODAY).minusMonths(back), random.nextInt(30));
            }
            figures.put(code, months);
        }
    }

    DemoHouseholdMix.Plan plan() {
        return DemoHouseholdMix.of(municipalities, population, figures, TODAY, 42);
    }

    static LocalDate countedOn(HouseholdHistory h) {
        return h.harSince() != null ? h.harSince() : h.movedOn();
    }

    @Test
    void housedPersonsEqualTheFigureOfEveryMonthTheyCountInExceptTheFewLeftShort() {
        var plan = plan();

        var housed = new HashMap<MunicipalityCode, Map<YearMonth, Integer>>();
        for (var h : plan.households()) {
            if (countedOn(h) != null) {
                housed.computeIfAbsent(h.linkedTo(), k -> new HashMap<>())
                        .merge(YearMonth.from(countedOn(h)), h.form().members().size(), Integer::sum);
            }
        }
        assertThat(plan.differences()).hasSize(DemoHouseholdMix.DIFFERENCES);
        var first = YearMonth.from(TODAY).minusMonths(DemoHouseholdMix.MONTHS_BACK);
        for (var m : municipalities) {
            for (var month : figures.get(m.code()).keySet()) {
                int counted = housed.getOrDefault(m.code(), Map.of()).getOrDefault(month, 0);
                int shortBy = plan.differences().stream()
                        .filter(d -> d.municipality().equals(m.code()) && d.month().equals(month))
                        .mapToInt(DemoHouseholdMix.Difference::persons).sum();
                if (!month.isBefore(first) || counted > 0) {
                    assertThat(counted + shortBy).as(m.code().value() + " " + month)
                            .isEqualTo(figures.get(m.code()).get(month));
                }
            }
        }
    }

    @Test
    void aboutSixteenThousandPersonsWaitInReceptionTenThousandOfThemPastFourteenWeeks() {
        var inReception = plan().households().stream().filter(h -> countedOn(h) == null).toList();

        int persons = inReception.stream().mapToInt(h -> h.form().members().size()).sum();
        int pastNorm = inReception.stream().filter(h -> h.form().permitDate().isBefore(TODAY.minusDays(Norms.TOTAL_DAYS)))
                .mapToInt(h -> h.form().members().size()).sum();

        assertThat(persons).isBetween(16_000, 16_008);
        assertThat(pastNorm).isBetween(8_500, 11_500);
    }

    @Test
    void theSameSeedGivesTheSameHouseholds() {
        assertThat(plan()).isEqualTo(plan());
    }
}
