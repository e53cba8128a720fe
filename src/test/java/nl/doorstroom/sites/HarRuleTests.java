package nl.doorstroom.sites;

import static nl.doorstroom.sites.SiteFixtures.UTRECHT;
import static nl.doorstroom.sites.SiteFixtures.ZEIST;
import static nl.doorstroom.sites.SiteFixtures.site;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HarRuleTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Test
    void aSiteAvailableFromAKnownDayWithoutEndQualifies() {
        var hotel = site(SiteStatus.AGREED, TODAY.minusMonths(1), null);

        assertThat(HarRule.qualifies(hotel, TODAY)).isTrue();
    }

    @Test
    void aSiteAvailableOnlyLaterStillQualifies() {
        var hotel = site(SiteStatus.UNDER_NEGOTIATION, TODAY.plusMonths(2), TODAY.plusMonths(12));

        assertThat(HarRule.qualifies(hotel, TODAY)).isTrue();
    }

    @Test
    void aSiteWhoseAvailabilityHasEndedDoesNotQualify() {
        var hotel = site(SiteStatus.IN_USE, TODAY.minusMonths(8), TODAY.minusDays(1));

        assertThat(HarRule.qualifies(hotel, TODAY)).isFalse();
    }

    @Test
    void aSiteAvailableUntilTodayStillQualifiesToday() {
        var hotel = site(SiteStatus.IN_USE, TODAY.minusMonths(8), TODAY);

        assertThat(HarRule.qualifies(hotel, TODAY)).isTrue();
    }

    @Test
    void aSiteWithoutAKnownStartOfAvailabilityDoesNotQualify() {
        var hotel = site(SiteStatus.CONTACTED, null, null);

        assertThat(HarRule.qualifies(hotel, TODAY)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(names = { "CLOSED", "DROPPED" })
    void aClosedOrDroppedSiteDoesNotQualify(SiteStatus status) {
        var hotel = site(status, TODAY.minusMonths(1), null);

        assertThat(HarRule.qualifies(hotel, TODAY)).isFalse();
    }

    @Test
    void aPlacementEndsSixMonthsAfterItStartsAtTheLatest() {
        var hotel = site(SiteStatus.IN_USE, TODAY.minusMonths(1), null);

        assertThat(HarRule.latestEnd(hotel, TODAY)).contains(LocalDate.of(2027, 5, 29));
    }

    @Test
    void aPlacementEndsWhenTheAvailabilityEndsIfThatComesFirst() {
        var hotel = site(SiteStatus.IN_USE, TODAY.minusMonths(1), TODAY.plusMonths(2));

        assertThat(HarRule.latestEnd(hotel, TODAY)).contains(TODAY.plusMonths(2));
    }

    @Test
    void noPlacementStartsBeforeTheSiteIsAvailable() {
        var hotel = site(SiteStatus.AGREED, TODAY.plusDays(10), null);

        assertThat(HarRule.latestEnd(hotel, TODAY)).isEmpty();
        assertThat(HarRule.latestEnd(hotel, TODAY.plusDays(10))).isPresent();
    }

    @Test
    void aPlacementIsOnlyForAHouseholdLinkedToTheSitesMunicipality() {
        var hotel = site(SiteStatus.IN_USE, TODAY.minusMonths(1), null);

        assertThat(HarRule.allowsPlacement(hotel, UTRECHT, TODAY, TODAY.plusMonths(3))).isTrue();
        assertThat(HarRule.allowsPlacement(hotel, ZEIST, TODAY, TODAY.plusMonths(3))).isFalse();
    }

    @Test
    void aPlacementLongerThanSixMonthsIsNotAllowed() {
        var hotel = site(SiteStatus.IN_USE, TODAY.minusMonths(1), null);

        assertThat(HarRule.allowsPlacement(hotel, UTRECHT, TODAY, TODAY.plusMonths(6))).isTrue();
        assertThat(HarRule.allowsPlacement(hotel, UTRECHT, TODAY, TODAY.plusMonths(6).plusDays(1))).isFalse();
    }

    @Test
    void aPlacementBeyondTheAvailabilityIsNotAllowed() {
        var hotel = site(SiteStatus.IN_USE, TODAY.minusMonths(1), TODAY.plusMonths(1));

        assertThat(HarRule.allowsPlacement(hotel, UTRECHT, TODAY, TODAY.plusMonths(1).plusDays(1))).isFalse();
    }
}
