package nl.doorstroom.governance;

import java.util.NoSuchElementException;

/** A weekly report that is not kept (the API answers 404 problem+json). */
public class WeeklyReportNotFound extends NoSuchElementException {

    public WeeklyReportNotFound(long id) {
        super("weekly report " + id + " not found");
    }
}
