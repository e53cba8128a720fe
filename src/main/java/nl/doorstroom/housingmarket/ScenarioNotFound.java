package nl.doorstroom.housingmarket;

/** No allocation scenario with this id, or none the reader may see (answered as 404 either way). */
public class ScenarioNotFound extends RuntimeException {

    public ScenarioNotFound(long id) {
        super("No allocation scenario " + id);
    }
}
