package nl.doorstroom.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.Role;
import nl.doorstroom.permitholders.FirmCriterion;
import nl.doorstroom.permitholders.HouseholdForm;
import nl.doorstroom.permitholders.HouseholdRegister;
import nl.doorstroom.permitholders.Member;
import nl.doorstroom.permitholders.Profile;
import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Households for linking tests: registered in reception in Amersfoort with permits older than any
 * registered before in this JVM (and than the demo's), so that a run limited to their number takes
 * exactly them, oldest first.
 */
public final class LinkingFixtures {

    public static final MunicipalityCode AMERSFOORT = MunicipalityCode.of("GM0307");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private LinkingFixtures() {
    }

    /**
     * The first permit date of a new batch, older than every batch before in this JVM (one sequence for all
     * test classes, whichever context they share); the batch may use the 39 days after it.
     */
    public static LocalDate oldestPermitYet() {
        return LocalDate.of(2015, 1, 1).minusDays(40L * SEQUENCE.incrementAndGet());
    }

    /** Registers {@code count} households of 1 to 4 persons (household i has i % 4 school-age children). */
    public static List<Long> registerOldest(HouseholdRegister register, int count, FirmCriterion... criteria) {
        var permit = oldestPermitYet();
        var ids = new ArrayList<Long>();
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(TestUsers.signedIn(Role.COA_PLANNER));
        try {
            for (int i = 0; i < count; i++) {
                var members = new ArrayList<Member>();
                members.add(new Member(Member.AgeBand.A30_44, Member.Sex.F, Member.Role.HEAD));
                for (int c = 0; c < i % 4; c++) {
                    members.add(new Member(Member.AgeBand.A5_11, Member.Sex.M, Member.Role.CHILD));
                }
                ids.add(register.register(new HouseholdForm("RUN-" + System.nanoTime() % 1_000_000_000L + "-" + i,
                        "azc Test", AMERSFOORT, permit.plusDays(i), new Profile("", Profile.Education.UNKNOWN,
                                Profile.WorkExperience.UNKNOWN, Profile.Limitation.NONE),
                        members, List.of(criteria))));
            }
        }
        finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
        return ids;
    }
}
