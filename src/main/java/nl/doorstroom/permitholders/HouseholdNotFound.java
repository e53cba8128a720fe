package nl.doorstroom.permitholders;

/** No household with this id, or not one the user may see (the two are not told apart). */
public class HouseholdNotFound extends RuntimeException {

    public HouseholdNotFound(long id) {
        super("No household " + id);
    }
}
