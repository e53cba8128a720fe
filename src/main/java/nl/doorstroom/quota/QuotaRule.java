package nl.doorstroom.quota;

import java.math.BigInteger;

/**
 * The quota of one municipality for a half-year, by law: vg × iG / iN, rounded up to a whole number
 * (Huisvestingswet 2014 art. 29(1)). vg is the national number for the half-year; iG and iN are the
 * populations of the municipality and of the Netherlands on 1 January of the year before.
 */
public final class QuotaRule {

    private QuotaRule() {
    }

    /** Exact integer arithmetic: ceil(vg × iG / iN), never through floating point. */
    public static long quota(long nationalTotal, long municipalPopulation, long nationalPopulation) {
        if (nationalTotal < 0 || municipalPopulation < 0) {
            throw new IllegalArgumentException("Totals and populations cannot be negative");
        }
        if (nationalPopulation <= 0) {
            throw new IllegalArgumentException("The population of the Netherlands must be positive");
        }
        var product = BigInteger.valueOf(nationalTotal).multiply(BigInteger.valueOf(municipalPopulation));
        var quotient = product.divideAndRemainder(BigInteger.valueOf(nationalPopulation));
        // Rounded up: Huisvestingswet 2014 art. 29(1).
        return quotient[0].longValueExact() + (quotient[1].signum() > 0 ? 1 : 0);
    }
}
