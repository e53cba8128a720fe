package nl.doorstroom.sites;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What kind of place a temporary site is: the outflow options of the table's minutes of 3 November 2023
 * (hotels, recreation parks, church buildings, state real estate, state-owned land), or another kind.
 */
public enum SiteKind {

    HOTEL("hotel"),
    RECREATION_PARK("recreatiepark", "vakantiepark", "recreation park", "holiday park"),
    CHURCH_BUILDING("kerkgebouw", "kerk", "church building", "church"),
    STATE_PROPERTY("rijksvastgoed", "state property", "state real estate"),
    STATE_LAND("rijksgrond", "state land", "state-owned land"),
    OTHER("anders", "overig", "other");

    private final List<String> words;

    SiteKind(String... words) {
        this.words = Arrays.stream(words).map(Words::normalised).toList();
    }

    public String messageKey() {
        return "site.kind." + name();
    }

    /** The kind named by its code ({@code RECREATION_PARK}) or by a Dutch or English word for it ("vakantiepark"). */
    public static Optional<SiteKind> parse(String text) {
        var word = Words.normalised(text);
        return Arrays.stream(values()).filter(k -> Words.normalised(k.name()).equals(word) || k.words.contains(word))
                .findFirst();
    }
}
