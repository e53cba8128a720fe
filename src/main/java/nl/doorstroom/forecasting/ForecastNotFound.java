package nl.doorstroom.forecasting;

/** A scenario or run that does not exist. */
public class ForecastNotFound extends RuntimeException {

    public ForecastNotFound(String what) {
        super(what + " not found");
    }
}
