package nl.doorstroom.sites;

import static nl.doorstroom.sites.SiteFixtures.inStatus;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import nl.doorstroom.shared.InvalidInput.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SiteStatusTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Test
    void aSiteMovesForwardOneStepAtATimeAlongTheLine() {
        assertThat(SiteStatus.IDENTIFIED.next()).containsExactly(SiteStatus.CONTACTED, SiteStatus.DROPPED);
        assertThat(SiteStatus.CONTACTED.next()).containsExactly(SiteStatus.UNDER_NEGOTIATION, SiteStatus.DROPPED);
        assertThat(SiteStatus.UNDER_NEGOTIATION.next()).containsExactly(SiteStatus.AGREED, SiteStatus.DROPPED);
        assertThat(SiteStatus.AGREED.next()).containsExactly(SiteStatus.IN_USE, SiteStatus.DROPPED);
        assertThat(SiteStatus.IN_USE.next()).containsExactly(SiteStatus.CLOSED);
    }

    @Test
    void aSiteSkipsNoStepAndNeverGoesBack() {
        assertThat(SiteStatus.IDENTIFIED.mayMoveTo(SiteStatus.AGREED)).isFalse();
        assertThat(SiteStatus.CONTACTED.mayMoveTo(SiteStatus.IN_USE)).isFalse();
        assertThat(SiteStatus.AGREED.mayMoveTo(SiteStatus.UNDER_NEGOTIATION)).isFalse();
        assertThat(SiteStatus.IN_USE.mayMoveTo(SiteStatus.AGREED)).isFalse();
        assertThat(SiteStatus.CONTACTED.mayMoveTo(SiteStatus.CONTACTED)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(names = { "IDENTIFIED", "CONTACTED", "UNDER_NEGOTIATION", "AGREED" })
    void aSiteNotYetInUseCanBeDropped(SiteStatus status) {
        assertThat(status.mayMoveTo(SiteStatus.DROPPED)).isTrue();
    }

    @Test
    void aSiteInUseIsClosedNotDropped() {
        assertThat(SiteStatus.IN_USE.mayMoveTo(SiteStatus.DROPPED)).isFalse();
        assertThat(SiteStatus.IN_USE.mayMoveTo(SiteStatus.CLOSED)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(names = { "CLOSED", "DROPPED" })
    void aClosedOrDroppedSiteMovesNoFurther(SiteStatus status) {
        assertThat(status.ended()).isTrue();
        assertThat(status.next()).isEmpty();
    }

    @Test
    void droppingASiteWithoutAReasonIsRefused() {
        var site = inStatus(SiteStatus.UNDER_NEGOTIATION, TODAY.minusDays(10));

        var problems = site.problemsMovingTo(SiteStatus.DROPPED, TODAY, "  ", TODAY);

        assertThat(problems).extracting(Problem::field, Problem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("reason", "site.reason.required"));
    }

    @Test
    void droppingASiteWithAReasonIsAccepted() {
        var site = inStatus(SiteStatus.UNDER_NEGOTIATION, TODAY.minusDays(10));

        var problems = site.problemsMovingTo(SiteStatus.DROPPED, TODAY, "Eigenaar trekt zich terug", TODAY);

        assertThat(problems).isEmpty();
    }

    @Test
    void aStepForwardNeedsNoReason() {
        var site = inStatus(SiteStatus.AGREED, TODAY.minusDays(10));

        assertThat(site.problemsMovingTo(SiteStatus.IN_USE, TODAY, null, TODAY)).isEmpty();
    }

    @Test
    void aStepThatSkipsAStatusIsRefusedNamingWhatIsAllowed() {
        var site = inStatus(SiteStatus.IDENTIFIED, TODAY.minusDays(10));

        var problems = site.problemsMovingTo(SiteStatus.AGREED, TODAY, null, TODAY);

        assertThat(problems).extracting(Problem::messageKey).containsExactly("site.status.notAllowed.IDENTIFIED");
    }

    @Test
    void aStepDatedInTheFutureOrBeforeTheCurrentStatusIsRefused() {
        var site = inStatus(SiteStatus.CONTACTED, TODAY.minusDays(10));

        var future = site.problemsMovingTo(SiteStatus.UNDER_NEGOTIATION, TODAY.plusDays(1), null, TODAY);
        var before = site.problemsMovingTo(SiteStatus.UNDER_NEGOTIATION, TODAY.minusDays(11), null, TODAY);
        var sameDay = site.problemsMovingTo(SiteStatus.UNDER_NEGOTIATION, TODAY.minusDays(10), null, TODAY);

        assertThat(future).extracting(Problem::messageKey).containsExactly("site.date.future");
        assertThat(before).extracting(Problem::messageKey).containsExactly("site.date.beforeStatusSince");
        assertThat(sameDay).isEmpty();
    }

    @Test
    void aStatusIsReadFromItsCodeOrItsDutchOrEnglishWords() {
        assertThat(SiteStatus.parse("UNDER_NEGOTIATION")).contains(SiteStatus.UNDER_NEGOTIATION);
        assertThat(SiteStatus.parse("in onderhandeling")).contains(SiteStatus.UNDER_NEGOTIATION);
        assertThat(SiteStatus.parse("In use")).contains(SiteStatus.IN_USE);
        assertThat(SiteStatus.parse("Geïdentificeerd")).contains(SiteStatus.IDENTIFIED);
        assertThat(SiteStatus.parse("half klaar")).isEmpty();
    }
}
