package nl.doorstroom.sites;

import java.util.NoSuchElementException;

/** A site that does not exist or lies outside the reader's scope: the two are not told apart. */
public class SiteNotFound extends NoSuchElementException {

    public SiteNotFound(long id) {
        super("No temporary site " + id);
    }
}
