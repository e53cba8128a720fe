package nl.doorstroom.quota;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A distribution key: a weighted sum of shares of indicators. Each {@link Term} takes, per unit, the
 * product of the named indicator values, and contributes {@code numerator / denominator} times the
 * unit's share of that product's sum over all units:
 * {@code key_i = Σ_t (n_t / d_t) × term_t,i / Σ_j term_t,j}.
 *
 * @param code  the key's name, in kebab-case ({@code koenigstein})
 * @param terms at least one
 */
public record DistributionKey(String code, List<Term> terms) {

    public static final String POPULATION = "population";
    public static final String WELFARE_FACTOR = "welfare-factor";
    public static final String TAX_REVENUE = "tax-revenue";
    public static final String GDP = "gdp";

    /**
     * One term of a key: the share of the product of the {@code factors} (indicator names), weighted by
     * {@code numerator / denominator}.
     */
    public record Term(List<String> factors, long numerator, long denominator) {

        public Term {
            Objects.requireNonNull(factors, "factors");
            if (factors.isEmpty() || factors.stream().anyMatch(f -> f == null || f.isBlank())) {
                throw new IllegalArgumentException("A term needs at least one indicator name, none blank: " + factors);
            }
            if (numerator < 1 || denominator < 1) {
                throw new IllegalArgumentException(
                        "A term's weight must be a positive fraction, not " + numerator + "/" + denominator);
            }
            factors = List.copyOf(factors);
        }
    }

    public DistributionKey {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("A distribution key needs a code");
        }
        Objects.requireNonNull(terms, "terms");
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("Distribution key " + code + " needs at least one term");
        }
        terms = List.copyOf(terms);
    }

    /** Share of population: Huisvestingswet 2014 art. 29(1), iG / iN. */
    public static DistributionKey population() {
        return new DistributionKey("population", List.of(new Term(List.of(POPULATION), 1, 1)));
    }

    /**
     * Share of population times the welfare correction factor (CBS SES-WOA score): the key of the
     * reception distribution act (Spreidingswet, in force 1 February 2024).
     */
    public static DistributionKey welfareCorrectedPopulation() {
        return new DistributionKey("welfare-corrected-population",
                List.of(new Term(List.of(POPULATION, WELFARE_FACTOR), 1, 1)));
    }

    /** Germany's Königsteiner Schlüssel: 2/3 share of tax revenue, 1/3 share of population. */
    public static DistributionKey koenigstein() {
        return new DistributionKey("koenigstein",
                List.of(new Term(List.of(TAX_REVENUE), 2, 3), new Term(List.of(POPULATION), 1, 3)));
    }

    /** The EU Pact on Migration and Asylum's solidarity reference key: 1/2 share of population, 1/2 share of GDP. */
    public static DistributionKey euSolidarity() {
        return new DistributionKey("eu-solidarity",
                List.of(new Term(List.of(POPULATION), 1, 2), new Term(List.of(GDP), 1, 2)));
    }

    /**
     * Integer weights exactly proportional to the key's values for {@code units} units, for
     * {@link ApportionmentMethod#apportion(long, BigInteger[])}. Each term's values are brought to one
     * scale, so that its shares are integer over integer; the shares are then multiplied through by the
     * least common multiple of the terms' denominators {@code d_t × Σ_j term_t,j}, and the weights
     * divided by their greatest common divisor.
     *
     * @param indicatorValues per indicator name, one non-negative value per unit; other indicators are ignored
     * @throws IllegalArgumentException naming the indicator when one is missing, has the wrong number of
     *                                  values, a missing or negative value, or a term is 0 for every unit
     */
    public BigInteger[] weights(Map<String, BigDecimal[]> indicatorValues, int units) {
        Objects.requireNonNull(indicatorValues, "indicatorValues");
        if (units < 1) {
            throw new IllegalArgumentException("Key " + code + " needs at least one unit, not " + units);
        }
        var termValues = new BigInteger[terms.size()][];
        var termSums = new BigInteger[terms.size()];
        for (int t = 0; t < terms.size(); t++) {
            var term = terms.get(t);
            var products = new BigDecimal[units];
            Arrays.fill(products, BigDecimal.ONE);
            for (var factor : term.factors()) {
                var values = valuesOf(factor, indicatorValues, units);
                for (int i = 0; i < units; i++) {
                    products[i] = products[i].multiply(values[i]);
                }
            }
            int scale = Integer.MIN_VALUE;
            for (var product : products) {
                scale = Math.max(scale, product.scale());
            }
            var integers = new BigInteger[units];
            var sum = BigInteger.ZERO;
            for (int i = 0; i < units; i++) {
                integers[i] = products[i].setScale(scale).unscaledValue();
                sum = sum.add(integers[i]);
            }
            if (sum.signum() == 0) {
                throw new IllegalArgumentException("Key " + code + ": indicator " + String.join(" × ", term.factors())
                        + " is 0 for every unit, so its shares are undefined");
            }
            termValues[t] = integers;
            termSums[t] = sum;
        }

        var denominators = new BigInteger[terms.size()];
        var common = BigInteger.ONE;
        for (int t = 0; t < terms.size(); t++) {
            denominators[t] = BigInteger.valueOf(terms.get(t).denominator()).multiply(termSums[t]);
            common = common.divide(common.gcd(denominators[t])).multiply(denominators[t]);
        }
        var multipliers = new BigInteger[terms.size()];
        for (int t = 0; t < terms.size(); t++) {
            multipliers[t] = common.divide(denominators[t]).multiply(BigInteger.valueOf(terms.get(t).numerator()));
        }

        var weights = new BigInteger[units];
        var divisor = BigInteger.ZERO;
        for (int i = 0; i < units; i++) {
            var weight = BigInteger.ZERO;
            for (int t = 0; t < terms.size(); t++) {
                weight = weight.add(termValues[t][i].multiply(multipliers[t]));
            }
            weights[i] = weight;
            if (!divisor.equals(BigInteger.ONE)) {
                divisor = divisor.gcd(weight);
            }
        }
        if (divisor.compareTo(BigInteger.ONE) > 0) {
            for (int i = 0; i < units; i++) {
                weights[i] = weights[i].divide(divisor);
            }
        }
        return weights;
    }

    private BigDecimal[] valuesOf(String indicator, Map<String, BigDecimal[]> indicatorValues, int units) {
        var values = indicatorValues.get(indicator);
        if (values == null) {
            throw new IllegalArgumentException("Key " + code + " needs indicator " + indicator + ", which is missing");
        }
        if (values.length != units) {
            throw new IllegalArgumentException("Indicator " + indicator + " has " + values.length
                    + " values for " + units + " units");
        }
        for (int i = 0; i < units; i++) {
            if (values[i] == null) {
                throw new IllegalArgumentException("Indicator " + indicator + " has no value for unit " + i);
            }
            if (values[i].signum() < 0) {
                throw new IllegalArgumentException("Indicator " + indicator + " is negative for unit " + i
                        + ": " + values[i].toPlainString());
            }
        }
        return values;
    }
}
