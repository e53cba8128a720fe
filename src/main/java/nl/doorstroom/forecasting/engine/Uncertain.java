package nl.doorstroom.forecasting.engine;

/**
 * A model parameter whose value is not known exactly. Every kind turns one standard normal deviate {@code z} into
 * a value ({@link #valueAt(double)}), so each run of a Monte Carlo forecast spends exactly one draw per parameter:
 * changing one parameter (say, extra places from fixed to uncertain) leaves every other parameter's draws as they
 * were (common random numbers), which is why scenarios with the same seed can be compared run by run.
 * <ul>
 * <li>{@link Fixed}: known (a policy choice such as a capacity plan figure, or "not modelled as uncertain").</li>
 * <li>{@link Normal}: symmetric doubt about a level, cut off at its bounds (censored: values beyond a bound become
 * the bound). Used for counts (bounds 0 and ∞) and shares and rates (bounds 0 and 1). Censoring rather than
 * rejection keeps one draw per parameter; with a mean a few standard deviations from a bound it hardly matters.</li>
 * <li>{@link LogNormal}: positive and right-skewed, for quantities that surge, such as the asylum inflow: a doubling
 * is more plausible than a halving. Given by its own mean and standard deviation.</li>
 * </ul>
 */
public sealed interface Uncertain {

    /** The mean as given (for {@link Normal}, before censoring). */
    double mean();

    /**
     * The value the deterministic run uses: the mean, moved within the bounds for {@link Normal} (a count given a
     * negative mean counts as 0, as every draw of it would).
     */
    default double centre() {
        return valueAt(0);
    }

    /** The value at standard normal deviate {@code z}; {@code valueAt(0)} is the median. */
    double valueAt(double z);

    /** The same doubt around a level scaled by {@code factor} (mean and standard deviation both). */
    Uncertain scaled(double factor);

    static Uncertain fixed(double value) {
        return new Fixed(value);
    }

    /** A count: normal, censored at 0. */
    static Uncertain normal(double mean, double sd) {
        return new Normal(mean, sd, 0, Double.POSITIVE_INFINITY);
    }

    /** A share or weekly rate: normal, censored to [0, 1]. */
    static Uncertain share(double mean, double sd) {
        return new Normal(mean, sd, 0, 1);
    }

    static Uncertain lognormal(double mean, double sd) {
        return new LogNormal(mean, sd);
    }

    record Fixed(double mean) implements Uncertain {

        @Override
        public double valueAt(double z) {
            return mean;
        }

        @Override
        public Uncertain scaled(double factor) {
            return new Fixed(mean * factor);
        }
    }

    record Normal(double mean, double sd, double min, double max) implements Uncertain {

        public Normal {
            if (sd < 0 || min > max) {
                throw new IllegalArgumentException("sd must be ≥ 0 and min ≤ max");
            }
        }

        @Override
        public double valueAt(double z) {
            return Math.min(max, Math.max(min, mean + sd * z));
        }

        @Override
        public Uncertain scaled(double factor) {
            return new Normal(mean * factor, sd * Math.abs(factor), min, max);
        }
    }

    record LogNormal(double mean, double sd) implements Uncertain {

        public LogNormal {
            if (mean <= 0 || sd < 0) {
                throw new IllegalArgumentException("a lognormal needs mean > 0 and sd ≥ 0");
            }
        }

        @Override
        public double centre() {
            return mean;
        }

        @Override
        public double valueAt(double z) {
            if (sd == 0) {
                return mean;
            }
            double sigma2 = Math.log1p((sd / mean) * (sd / mean));
            return Math.exp(Math.log(mean) - sigma2 / 2 + Math.sqrt(sigma2) * z);
        }

        @Override
        public Uncertain scaled(double factor) {
            return new LogNormal(mean * factor, sd * factor);
        }
    }
}
