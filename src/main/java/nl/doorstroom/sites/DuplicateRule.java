package nl.doorstroom.sites;

import java.util.Optional;

import nl.doorstroom.shared.MunicipalityCode;

/**
 * When two sites are the same place: they lie in the same municipality and have the same name, or the same
 * address (or location description), compared without accents, case, spaces or punctuation ("Hotel De Poort"
 * is "hotel-de-poort"; "Stationsweg 1" is "stationsweg1"). Such a site is refused, never merged: whoever adds
 * it sees which site it is the same as. Sites in different municipalities are never the same, even with one
 * name (many towns have a "Hotel De Poort"); a text that keeps no letter or digit matches nothing.
 */
final class DuplicateRule {

    /** What made two sites the same. */
    enum Match {
        NAME, ADDRESS
    }

    /** The parts of a site the rule compares; {@code name} and {@code address} as keys ({@link #key}). */
    record Identity(MunicipalityCode municipality, String name, String address) {

        static Identity of(SiteForm form) {
            return new Identity(form.municipality(), key(form.name()), key(form.address()));
        }
    }

    private DuplicateRule() {
    }

    /** The text as compared: letters and digits only, lower case, no accents. */
    static String key(String text) {
        return Words.normalised(text);
    }

    static Optional<Match> match(Identity one, Identity other) {
        if (one.municipality() == null || !one.municipality().equals(other.municipality())) {
            return Optional.empty();
        }
        if (!one.name().isEmpty() && one.name().equals(other.name())) {
            return Optional.of(Match.NAME);
        }
        if (!one.address().isEmpty() && one.address().equals(other.address())) {
            return Optional.of(Match.ADDRESS);
        }
        return Optional.empty();
    }
}
