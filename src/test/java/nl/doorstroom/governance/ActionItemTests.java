package nl.doorstroom.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class ActionItemTests {

    static final LocalDate DAY = LocalDate.of(2026, 11, 27);

    static ActionItem dueOn(LocalDate due, ActionItemStatus status) {
        return new ActionItem(1, 1, "Regietafel", DAY.minusWeeks(2), "Opties bespreken", "Ministerie van BZK", null, due,
                status, DAY.minusWeeks(2), "coordinator", List.of(), false, 0);
    }

    @Test
    void anOpenItemDueBeforeTheDayIsOverdueByTheDaysBetween() {
        var item = dueOn(DAY.minusDays(3), ActionItemStatus.OPEN);

        assertThat(item.overdueOn(DAY)).isTrue();
        assertThat(item.daysOverdue(DAY)).isEqualTo(3);
    }

    @Test
    void anItemDueOnTheDayItselfIsNotYetOverdue() {
        var item = dueOn(DAY, ActionItemStatus.IN_PROGRESS);

        assertThat(item.overdueOn(DAY)).isFalse();
        assertThat(item.overdueOn(DAY.plusDays(1))).isTrue();
        assertThat(item.daysOverdue(DAY)).isZero();
    }

    @Test
    void doneAndCancelledItemsAreNeverOverdue() {
        assertThat(dueOn(DAY.minusDays(10), ActionItemStatus.DONE).overdueOn(DAY)).isFalse();
        assertThat(dueOn(DAY.minusDays(10), ActionItemStatus.CANCELLED).overdueOn(DAY)).isFalse();
        assertThat(dueOn(DAY.minusDays(10), ActionItemStatus.IN_PROGRESS).overdueOn(DAY)).isTrue();
    }

    @Test
    void theOwnerIsMatchedWithoutRegardToCaseOrSpaces() {
        var item = dueOn(DAY, ActionItemStatus.OPEN);

        assertThat(item.ownedBy(" ministerie van bzk ")).isTrue();
        assertThat(item.ownedBy("Ministerie van JenV")).isFalse();
        assertThat(item.ownedBy(null)).isFalse();
    }

    @Test
    void openItemsMoveAnywhereElseAndClosedOnesOnlyBackToOpen() {
        assertThat(ActionItemStatus.OPEN.next()).containsExactlyInAnyOrder(ActionItemStatus.IN_PROGRESS,
                ActionItemStatus.DONE, ActionItemStatus.CANCELLED);
        assertThat(ActionItemStatus.IN_PROGRESS.next()).containsExactlyInAnyOrder(ActionItemStatus.OPEN,
                ActionItemStatus.DONE, ActionItemStatus.CANCELLED);
        assertThat(ActionItemStatus.DONE.next()).containsExactly(ActionItemStatus.OPEN);
        assertThat(ActionItemStatus.CANCELLED.next()).containsExactly(ActionItemStatus.OPEN);
        assertThat(ActionItemStatus.DONE.mayMoveTo(ActionItemStatus.CANCELLED)).isFalse();
        assertThat(ActionItemStatus.OPEN.mayMoveTo(ActionItemStatus.OPEN)).isFalse();
        assertThat(ActionItemStatus.OPEN.mayMoveTo(null)).isFalse();
    }

    @Test
    void aLinkIsReadAsKindAndIdAndPointsAtItsPage() {
        var municipality = ActionItemLink.parse("municipality:gm0344");
        var scenario = ActionItemLink.parse("ALLOCATION_SCENARIO: 12");

        assertThat(municipality.text()).isEqualTo("MUNICIPALITY:GM0344");
        assertThat(municipality.path()).isEqualTo("/progress/municipalities/GM0344");
        assertThat(scenario.id()).isEqualTo(12);
        assertThat(scenario.shortLabel()).isEqualTo("#12");
        assertThatThrownBy(() -> ActionItemLink.parse("ESCALATION_CASE:abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ActionItemLink.parse("CASTLE:1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ActionItemLink.parse("GM0344")).isInstanceOf(IllegalArgumentException.class);
    }
}
