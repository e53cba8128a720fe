package nl.doorstroom.permitholders;

import java.time.LocalDate;

/** How long a HAR placement has lasted against its maximum of six months. */
public enum HarStatus {

    NONE, WITHIN_TERM, ENDING_SOON, OVER_TERM;

    /** Warn from 5 months, flag after 6 (DOMAIN.md, HAR). */
    public static HarStatus of(LocalDate harSince, LocalDate today) {
        if (harSince == null) {
            return NONE;
        }
        if (today.isAfter(harSince.plus(Norms.HAR_MAXIMUM))) {
            return OVER_TERM;
        }
        if (!today.isBefore(harSince.plus(Norms.HAR_WARNING))) {
            return ENDING_SOON;
        }
        return WITHIN_TERM;
    }

    public String messageKey() {
        return "har." + name();
    }
}
