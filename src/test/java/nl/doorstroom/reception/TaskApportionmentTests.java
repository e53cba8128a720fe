package nl.doorstroom.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import nl.doorstroom.quota.ApportionmentMethod;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.MunicipalityCode;
import org.junit.jupiter.api.Test;

class TaskApportionmentTests {

    /** A random country: 342 municipalities, populations from 900 to 900,000, welfare factors from 0.5 to 2. */
    record Country(List<MunicipalityCode> codes, Map<MunicipalityCode, Long> population,
            Map<MunicipalityCode, BigDecimal> welfare) {

        static Country random(Random random, int size) {
            var codes = new ArrayList<MunicipalityCode>();
            var population = new HashMap<MunicipalityCode, Long>();
            var welfare = new HashMap<MunicipalityCode, BigDecimal>();
            for (int i = 0; i < size; i++) {
                var code = MunicipalityCode.of(String.format("GM%04d", i + 1));
                codes.add(code);
                population.put(code, 900L + (long) Math.floor(Math.exp(random.nextDouble() * Math.log(1000)) * 900));
                welfare.put(code, BigDecimal.valueOf(500 + random.nextInt(1501), 3));
            }
            return new Country(codes, population, welfare);
        }
    }

    @Test
    void theTasksAddUpToTheNationalTotal() {
        var random = new Random(1);
        for (int run = 0; run < 200; run++) {
            var country = Country.random(random, 342);
            long total = random.nextInt(200_001);

            var tasks = TaskApportionment.apportion(total, ApportionmentMethod.LARGEST_REMAINDER, country.codes(),
                    country.population(), country.welfare());

            assertThat(tasks.values().stream().mapToLong(Long::longValue).sum()).as("run %d", run).isEqualTo(total);
        }
    }

    @Test
    void roundingUpExceedsTheTotalByLessThanTheNumberOfMunicipalities() {
        var random = new Random(2);
        for (int run = 0; run < 200; run++) {
            var country = Country.random(random, 342);
            long total = 1 + random.nextInt(200_000);

            var tasks = TaskApportionment.apportion(total, ApportionmentMethod.ROUND_UP, country.codes(),
                    country.population(), country.welfare());

            long excess = tasks.values().stream().mapToLong(Long::longValue).sum() - total;
            assertThat(excess).as("run %d", run).isBetween(0L, 341L);
        }
    }

    /** Spreidingswet: with the same population, the municipality with the higher welfare factor takes more places. */
    @Test
    void aRicherMunicipalityWithTheSamePopulationGetsAtLeastAsManyPlacesAndMoreWhenTwiceAsRich() {
        var random = new Random(3);
        for (int run = 0; run < 300; run++) {
            var country = Country.random(random, 342);
            var rich = country.codes().get(random.nextInt(171));
            var poor = country.codes().get(171 + random.nextInt(171));
            country.population().put(rich, country.population().get(poor));
            var richer = country.welfare().get(poor).add(BigDecimal.valueOf(1 + random.nextInt(1500), 3));
            country.welfare().put(rich, richer);
            long total = 96_000;

            var tasks = TaskApportionment.apportion(total, ApportionmentMethod.LARGEST_REMAINDER, country.codes(),
                    country.population(), country.welfare());

            assertThat(tasks.get(rich)).as("run %d", run).isGreaterThanOrEqualTo(tasks.get(poor));
            boolean twice = richer.compareTo(country.welfare().get(poor).multiply(BigDecimal.valueOf(2))) >= 0;
            if (twice && tasks.get(poor) >= 2) {
                assertThat(tasks.get(rich)).as("run %d", run).isGreaterThan(tasks.get(poor));
                assertThat(TaskApportionment.perThousand(tasks.get(rich), country.population().get(rich)))
                        .isGreaterThan(TaskApportionment.perThousand(tasks.get(poor), country.population().get(poor)));
            }
        }
    }

    @Test
    void theSameInputsGiveTheSameTasks() {
        var country = Country.random(new Random(4), 342);

        var first = TaskApportionment.apportion(96_000, ApportionmentMethod.SAINTE_LAGUE, country.codes(),
                country.population(), country.welfare());
        var again = TaskApportionment.apportion(96_000, ApportionmentMethod.SAINTE_LAGUE, country.codes(),
                country.population(), country.welfare());

        assertThat(again).isEqualTo(first);
    }

    @Test
    void namesEveryMunicipalityWithoutAWelfareFactor() {
        var country = Country.random(new Random(5), 10);
        country.welfare().remove(country.codes().get(2));
        country.welfare().remove(country.codes().get(7));

        assertThatThrownBy(() -> TaskApportionment.apportion(100, ApportionmentMethod.LARGEST_REMAINDER,
                country.codes(), country.population(), country.welfare()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(p -> p.arguments().get(0))
                        .containsExactly(country.codes().get(2).value(), country.codes().get(7).value()));
    }

    @Test
    void refusesWeightsThatAreAllZero() {
        var country = Country.random(new Random(6), 5);
        country.codes().forEach(c -> country.welfare().put(c, BigDecimal.ZERO));

        assertThatThrownBy(() -> TaskApportionment.apportion(100, ApportionmentMethod.LARGEST_REMAINDER,
                country.codes(), country.population(), country.welfare()))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("receptionTask.weights.unusable"));
    }

    @Test
    void sharesAndPlacesPerThousandAreUndefinedWithoutATaskOrPopulation() {
        assertThat(TaskApportionment.shareProvided(50L, 0)).isNull();
        assertThat(TaskApportionment.shareProvided(null, 10)).isNull();
        assertThat(TaskApportionment.shareProvided(5L, 4)).isEqualByComparingTo("1.25");
        assertThat(TaskApportionment.perThousand(5, 0)).isNull();
        assertThat(TaskApportionment.perThousand(4479, 931_298)).isEqualByComparingTo("4.81");
    }
}
