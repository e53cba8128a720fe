package nl.doorstroom.sites;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Who owns a temporary site. */
public enum SiteOwner {

    PRIVATE("particulier", "privaat", "private"),
    MUNICIPALITY("gemeente", "municipality"),
    CHURCH("kerk", "kerkgenootschap", "church"),
    STATE_REAL_ESTATE_AGENCY("rijksvastgoedbedrijf", "rvb", "state real estate agency"),
    OTHER("anders", "overig", "other");

    private final List<String> words;

    SiteOwner(String... words) {
        this.words = Arrays.stream(words).map(Words::normalised).toList();
    }

    public String messageKey() {
        return "site.owner." + name();
    }

    /** The owner named by its code ({@code STATE_REAL_ESTATE_AGENCY}) or by a Dutch or English word ("RVB"). */
    public static Optional<SiteOwner> parse(String text) {
        var word = Words.normalised(text);
        return Arrays.stream(values()).filter(o -> Words.normalised(o.name()).equals(word) || o.words.contains(word))
                .findFirst();
    }
}
