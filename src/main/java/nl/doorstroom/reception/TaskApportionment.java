package nl.doorstroom.reception;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.doorstroom.quota.ApportionmentMethod;
import nl.doorstroom.quota.DistributionKey;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;

/**
 * The rule of the distribution act (Spreidingswet): a total of reception places apportioned over the
 * municipalities by their share of population times the welfare correction factor (CBS SES-WOA), so that a
 * richer municipality takes more places per head. The key and the apportionment are the quota module's
 * ({@link DistributionKey#welfareCorrectedPopulation()}, {@link ApportionmentMethod}); this only feeds them.
 */
final class TaskApportionment {

    /** Largest remainder hands out exactly the total; the law's rounding up gives more (see {@link TaskCalculation}). */
    static final ApportionmentMethod DEFAULT_METHOD = ApportionmentMethod.LARGEST_REMAINDER;

    private TaskApportionment() {
    }

    /**
     * The task per municipality, in the order of {@code municipalities}.
     *
     * @throws InvalidInput naming each municipality without a population or welfare factor, or when every
     *                      weight is 0
     */
    static Map<MunicipalityCode, Long> apportion(long total, ApportionmentMethod method,
            List<MunicipalityCode> municipalities, Map<MunicipalityCode, Long> population,
            Map<MunicipalityCode, BigDecimal> welfare) {
        int n = municipalities.size();
        var inhabitants = new BigDecimal[n];
        var factors = new BigDecimal[n];
        var problems = new ArrayList<Problem>();
        for (int i = 0; i < n; i++) {
            var code = municipalities.get(i);
            var people = population.get(code);
            var factor = welfare.get(code);
            if (people == null) {
                problems.add(Problem.of("populationVersion", "receptionTask.population.lacks", code.value()));
            }
            if (factor == null) {
                problems.add(Problem.of("welfareVersion", "receptionTask.welfare.lacks", code.value()));
            }
            inhabitants[i] = people == null ? BigDecimal.ZERO : BigDecimal.valueOf(people);
            factors[i] = factor == null ? BigDecimal.ZERO : factor;
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long[] tasks;
        try {
            var weights = DistributionKey.welfareCorrectedPopulation().weights(Map.of(DistributionKey.POPULATION,
                    inhabitants, DistributionKey.WELFARE_FACTOR, factors), n);
            tasks = method.apportion(total, weights);
        }
        catch (IllegalArgumentException e) {
            // Every municipality weighs 0 (or none is known): there is no share to take.
            throw InvalidInput.of("welfareVersion", "receptionTask.weights.unusable");
        }
        var result = new LinkedHashMap<MunicipalityCode, Long>();
        for (int i = 0; i < n; i++) {
            result.put(municipalities.get(i), tasks[i]);
        }
        return result;
    }

    /** Places per 1,000 inhabitants, to two decimals; null for a municipality without inhabitants. */
    static BigDecimal perThousand(long task, long population) {
        if (population <= 0) {
            return null;
        }
        return BigDecimal.valueOf(task * 1000L).divide(BigDecimal.valueOf(population), 2, RoundingMode.HALF_UP);
    }

    /** The places provided as a share of the task (1 = met), to four decimals; null when not defined. */
    static BigDecimal shareProvided(Long places, long task) {
        if (places == null || task <= 0) {
            return null;
        }
        return BigDecimal.valueOf(places).divide(BigDecimal.valueOf(task), 4, RoundingMode.HALF_UP);
    }
}
