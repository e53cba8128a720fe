package nl.doorstroom.quota;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;

import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.municipalities.Populations;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What-if analysis: a total apportioned over all municipalities by any distribution key with every
 * method side by side, and the municipalities that would get less if the total were larger (the
 * Alabama paradox). Nothing is stored; the law's quotas are published by {@link QuotaCalculation}.
 */
@Service
public class WhatIf {

    /** The keys offered, by code. A custom key combines the four shares with weights a user chooses. */
    public static final List<String> KEYS = List.of("population", "welfare-corrected-population", "koenigstein",
            "eu-solidarity", "custom");

    /** The most a custom weight may be, so that the sum of four weights stays far from overflowing. */
    static final long MAXIMUM_WEIGHT = 1_000_000;

    private static final Logger log = LoggerFactory.getLogger(WhatIf.class);

    /**
     * @param key one of {@link #KEYS}
     * @param customWeights for the custom key: weight per share ("population", "welfare-corrected-population",
     *        "tax-revenue", "gdp"), whole numbers, at least one positive
     * @param largerTotal the total to compare with for the Alabama paradox (e.g. total + 1)
     * @param indicatorVersions the version id per indicator ("welfare-factor", "tax-revenue", "gdp"); the
     *        latest when missing
     */
    public record Request(String key, Map<String, Long> customWeights, Long total, Long largerTotal,
            Long populationVersionId, Map<String, Long> indicatorVersions) {
    }

    /** One municipality: its share of the key, the exact share of the total, and each method's result. */
    public record Row(Municipality municipality, BigDecimal sharePercent, BigDecimal exactShare,
            Map<ApportionmentMethod, Long> allocation, Map<ApportionmentMethod, Long> atLargerTotal,
            List<ApportionmentMethod> paradox) {
    }

    public record Result(String key, DistributionKey distributionKey, long total, long largerTotal,
            long populationVersionId, Map<String, Long> indicatorVersions, List<Row> rows,
            Map<ApportionmentMethod, Long> sums, Map<ApportionmentMethod, Integer> paradoxCounts) {
    }

    private final MunicipalityRegistry registry;
    private final Populations populations;
    private final Indicators indicators;

    WhatIf(MunicipalityRegistry registry, Populations populations, Indicators indicators) {
        this.registry = registry;
        this.populations = populations;
        this.indicators = indicators;
    }

    @Transactional(readOnly = true)
    public Result run(Request request) {
        var problems = new ArrayList<Problem>();
        if (request.key() == null || !KEYS.contains(request.key())) {
            problems.add(Problem.of("key", "whatIf.key.unknown", String.valueOf(request.key())));
        }
        long total = request.total() == null ? -1 : request.total();
        if (total < 0 || total > 10_000_000) {
            problems.add(Problem.of("total", "whatIf.total.range", 10_000_000));
        }
        long larger = request.largerTotal() == null ? total + 1 : request.largerTotal();
        if (total >= 0 && (larger < total || larger > 10_000_000)) {
            problems.add(Problem.of("largerTotal", "whatIf.largerTotal.range"));
        }
        var version = request.populationVersionId() == null ? populations.latest()
                : populations.version(request.populationVersionId()).orElse(null);
        if (version == null) {
            problems.add(Problem.of("populationVersion", "quota.populationVersion.unknown", request.populationVersionId()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var key = keyOf(request);
        var needed = key.terms().stream().flatMap(t -> t.factors().stream()).distinct().toList();
        var municipalities = registry.all();
        int n = municipalities.size();
        var values = new HashMap<String, BigDecimal[]>();
        var usedVersions = new TreeMap<String, Long>();
        var figures = populations.figures(version.id());
        for (var indicator : needed) {
            Map<MunicipalityCode, ? extends Number> source;
            if (indicator.equals(DistributionKey.POPULATION)) {
                source = figures;
            }
            else {
                Long id = request.indicatorVersions() == null ? null : request.indicatorVersions().get(indicator);
                var chosen = id == null ? indicators.latest(indicator) : indicators.version(id)
                        .filter(v -> v.indicator().equals(indicator));
                if (chosen.isEmpty()) {
                    problems.add(Problem.of("indicatorVersions", "whatIf.indicator.missing", indicator));
                    continue;
                }
                usedVersions.put(indicator, chosen.get().id());
                source = indicators.values(chosen.get().id());
            }
            var array = new BigDecimal[n];
            for (int i = 0; i < n; i++) {
                var value = source.get(municipalities.get(i).code());
                if (value == null) {
                    problems.add(Problem.of("indicatorVersions", "whatIf.indicator.lacks", indicator,
                            municipalities.get(i).code().value()));
                    continue;
                }
                array[i] = value instanceof BigDecimal d ? d : BigDecimal.valueOf(value.longValue());
            }
            values.put(indicator, array);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var weights = weightsOf(key, values, n);
        var weightSum = BigInteger.ZERO;
        for (var w : weights) {
            weightSum = weightSum.add(w);
        }
        var allocations = new EnumMap<ApportionmentMethod, long[]>(ApportionmentMethod.class);
        var largerAllocations = new EnumMap<ApportionmentMethod, long[]>(ApportionmentMethod.class);
        for (var method : ApportionmentMethod.values()) {
            allocations.put(method, method.apportion(total, weights));
            largerAllocations.put(method, method.apportion(larger, weights));
        }
        var rows = new ArrayList<Row>(n);
        var paradoxCounts = new EnumMap<ApportionmentMethod, Integer>(ApportionmentMethod.class);
        var sums = new EnumMap<ApportionmentMethod, Long>(ApportionmentMethod.class);
        for (var method : ApportionmentMethod.values()) {
            paradoxCounts.put(method, 0);
            sums.put(method, LongStream.of(allocations.get(method)).sum());
        }
        var totalBig = new BigDecimal(weightSum);
        for (int i = 0; i < n; i++) {
            var allocation = new EnumMap<ApportionmentMethod, Long>(ApportionmentMethod.class);
            var atLarger = new EnumMap<ApportionmentMethod, Long>(ApportionmentMethod.class);
            var paradox = new ArrayList<ApportionmentMethod>();
            for (var method : ApportionmentMethod.values()) {
                allocation.put(method, allocations.get(method)[i]);
                atLarger.put(method, largerAllocations.get(method)[i]);
                if (largerAllocations.get(method)[i] < allocations.get(method)[i]) {
                    paradox.add(method);
                    paradoxCounts.merge(method, 1, Integer::sum);
                }
            }
            var weight = new BigDecimal(weights[i]);
            rows.add(new Row(municipalities.get(i),
                    weight.multiply(BigDecimal.valueOf(100)).divide(totalBig, 4, RoundingMode.HALF_UP),
                    weight.multiply(BigDecimal.valueOf(total)).divide(totalBig, 3, RoundingMode.HALF_UP), allocation,
                    atLarger, List.copyOf(paradox)));
        }
        return new Result(request.key(), key, total, larger, version.id(), usedVersions, List.copyOf(rows), sums,
                paradoxCounts);
    }

    /**
     * The key's weight per municipality. When the figures make the key unusable (a share that is 0
     * for every municipality, an indicator missing), the user gets a problem in their language; the
     * key's own explanation, in English, goes to the log only.
     */
    static BigInteger[] weightsOf(DistributionKey key, Map<String, BigDecimal[]> values, int municipalities) {
        try {
            return key.weights(values, municipalities);
        }
        catch (IllegalArgumentException e) {
            log.debug("What-if key {} unusable with these figures: {}", key.code(), e.getMessage());
            throw InvalidInput.of("key", "whatIf.key.unusable");
        }
    }

    private static DistributionKey keyOf(Request request) {
        return switch (request.key()) {
            case "population" -> DistributionKey.population();
            case "welfare-corrected-population" -> DistributionKey.welfareCorrectedPopulation();
            case "koenigstein" -> DistributionKey.koenigstein();
            case "eu-solidarity" -> DistributionKey.euSolidarity();
            default -> customKey(request.customWeights());
        };
    }

    /**
     * A weighted sum of the four shares, with whole-number weights (e.g. 2 and 1 for 2/3 and 1/3),
     * each from 0 to {@value #MAXIMUM_WEIGHT}.
     */
    static DistributionKey customKey(Map<String, Long> weights) {
        var factors = Map.of("population", List.of(DistributionKey.POPULATION), "welfare-corrected-population",
                List.of(DistributionKey.POPULATION, DistributionKey.WELFARE_FACTOR), "tax-revenue",
                List.of(DistributionKey.TAX_REVENUE), "gdp", List.of(DistributionKey.GDP));
        var terms = new ArrayList<DistributionKey.Term>();
        var problems = new ArrayList<Problem>();
        long sum = 0;
        for (var share : List.of("population", "welfare-corrected-population", "tax-revenue", "gdp")) {
            Long weight = weights == null ? null : weights.get(share);
            if (weight != null && weight < 0) {
                problems.add(Problem.of("customWeights", "whatIf.weight.negative", share));
            }
            else if (weight != null && weight > MAXIMUM_WEIGHT) {
                problems.add(Problem.of("customWeights", "whatIf.weight.tooLarge", share, MAXIMUM_WEIGHT));
            }
            else if (weight != null && weight > 0) {
                sum += weight;
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (sum == 0) {
            throw InvalidInput.of("customWeights", "whatIf.weights.required");
        }
        for (var share : List.of("population", "welfare-corrected-population", "tax-revenue", "gdp")) {
            Long weight = weights.get(share);
            if (weight != null && weight > 0) {
                terms.add(new DistributionKey.Term(factors.get(share), weight, sum));
            }
        }
        return new DistributionKey("custom", terms);
    }
}
