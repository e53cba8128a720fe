package nl.doorstroom.permitholders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Random;

import nl.doorstroom.shared.InvalidInput;
import org.junit.jupiter.api.Test;

/**
 * Random walks through the journey (seeded, so a failure can be replayed): whatever steps are tried
 * in whatever order, a household's state stays consistent and it counts toward a quota at most once.
 */
class JourneyPropertyTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @Test
    void randomWalksKeepTheStateConsistentAndCountAtMostOnce() {
        var random = new Random(20261128);
        for (int walk = 0; walk < 5_000; walk++) {
            var permit = TODAY.minusDays(random.nextInt(400));
            var journey = Journey.registered(permit);
            var day = permit;
            int counted = 0;
            for (int step = 0; step < 12; step++) {
                day = day.plusDays(random.nextInt(40) - 5);
                var before = journey;
                try {
                    journey = switch (random.nextInt(5)) {
                        case 0 -> journey.link(day, TODAY);
                        case 1 -> journey.cancelLink(day, TODAY);
                        case 2 -> journey.offer(day, TODAY);
                        case 3 -> journey.placeUnderHar(day, TODAY);
                        default -> journey.moveIn(day, TODAY);
                    };
                }
                catch (InvalidInput refused) {
                    assertThat(journey).isSameAs(before);
                    continue;
                }
                if (journey.countsFrom(before)) {
                    counted++;
                }
                assertConsistent(journey, before);
            }
            assertThat(counted).isLessThanOrEqualTo(1);
            assertThat(counted == 1).isEqualTo(journey.countedOn() != null);
        }
    }

    private static void assertConsistent(Journey journey, Journey before) {
        assertThat(journey.stageSince()).isBeforeOrEqualTo(TODAY).isAfterOrEqualTo(journey.permitDate());
        assertThat(journey.stageSince()).isAfterOrEqualTo(before.stageSince());
        assertThat(journey.stageDue() == null).isEqualTo(journey.stage() == Stage.HOUSED);
        assertThat(journey.linkedOn() == null).isEqualTo(journey.stage() == Stage.AWAITING_LINK);
        assertThat(journey.countedOn() != null).isEqualTo(journey.stage() == Stage.HAR || journey.stage() == Stage.HOUSED);
        if (journey.offeredOn() != null) {
            assertThat(journey.offeredOn()).isAfterOrEqualTo(journey.linkedOn());
        }
        if (journey.countedOn() != null) {
            assertThat(journey.countedOn()).isAfterOrEqualTo(journey.linkedOn());
        }
        if (before.countedOn() != null) {
            assertThat(journey.countedOn()).as("counted once, on the first day").isEqualTo(before.countedOn());
        }
    }
}
