package nl.doorstroom.housingmarket;

/** A corporation or figure that does not exist or lies outside the reader's scope: the two are not told apart. */
public class MarketNotFound extends RuntimeException {

    public MarketNotFound(String what) {
        super("Not found: " + what);
    }
}
