package nl.doorstroom.sites;

import static nl.doorstroom.sites.SiteFixtures.UTRECHT;
import static nl.doorstroom.sites.SiteFixtures.ZEIST;
import static org.assertj.core.api.Assertions.assertThat;

import nl.doorstroom.sites.DuplicateRule.Identity;
import nl.doorstroom.sites.DuplicateRule.Match;
import org.junit.jupiter.api.Test;

class DuplicateRuleTests {

    @Test
    void theSameNameInTheSameMunicipalityIsTheSameSiteWhateverCaseAccentsOrPunctuation() {
        var one = identity("Hotel De Poort", "Stationsweg 1", UTRECHT);
        var other = identity("hotel-de-pòort ", "Biltstraat 5", UTRECHT);

        assertThat(DuplicateRule.match(one, other)).contains(Match.NAME);
    }

    @Test
    void theSameAddressInTheSameMunicipalityIsTheSameSiteUnderAnotherName() {
        var one = identity("Hotel De Poort", "Stationsweg 1, 3511 AB", UTRECHT);
        var other = identity("Poort Hotel Utrecht", "stationsweg 1 3511ab", UTRECHT);

        assertThat(DuplicateRule.match(one, other)).contains(Match.ADDRESS);
    }

    @Test
    void theSameNameInAnotherMunicipalityIsAnotherSite() {
        var one = identity("Hotel De Poort", "Stationsweg 1", UTRECHT);
        var other = identity("Hotel De Poort", "Stationsweg 1", ZEIST);

        assertThat(DuplicateRule.match(one, other)).isEmpty();
    }

    @Test
    void aNameOfOnlyPunctuationMatchesNothing() {
        var one = identity("---", "Stationsweg 1", UTRECHT);
        var other = identity("...", "Biltstraat 5", UTRECHT);

        assertThat(DuplicateRule.match(one, other)).isEmpty();
    }

    private static Identity identity(String name, String address, nl.doorstroom.shared.MunicipalityCode municipality) {
        return new Identity(municipality, DuplicateRule.key(name), DuplicateRule.key(address));
    }
}
