package nl.doorstroom.governance;

import java.util.NoSuchElementException;

/** A job that does not exist or that the reader may not see (the two are not told apart). */
public class GovernanceJobNotFound extends NoSuchElementException {

    public GovernanceJobNotFound(long id) {
        super("governance job " + id + " not found");
    }
}
