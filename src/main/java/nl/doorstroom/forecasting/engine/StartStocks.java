package nl.doorstroom.forecasting.engine;

/** The people in reception at the start of the forecast, per stock (others are a parameter of their own). */
public record StartStocks(double inProcedure, double permitHolders, double refused) {

    public StartStocks {
        if (inProcedure < 0 || permitHolders < 0 || refused < 0) {
            throw new IllegalArgumentException("stocks are never negative");
        }
    }
}
