package nl.doorstroom.reception;

import java.util.List;
import java.util.Set;

import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.identity.DoorstroomUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.identity.ScopeKind;
import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who does what with reception locations and occupancy. COA planners keep the locations, record emergency
 * measures and import COA's figures; national coordinators read everything and set the norm for the central
 * registration centre; ministry analysts read; a province supervisor and a municipality officer read the
 * locations in their scope and the national figures. Occupancy figures are counts, not personal data, but
 * housing corporations and administrators have no task here.
 */
public final class Receptions {

    /** Roles that see the national picture, and the locations in their scope. */
    public static final Set<Role> READERS = Set.of(Role.NATIONAL_COORDINATOR, Role.COA_PLANNER, Role.MINISTRY_ANALYST,
            Role.PROVINCE_SUPERVISOR, Role.MUNICIPALITY_OFFICER);

    /** Roles that register and change locations, record emergency measures and import occupancy. */
    public static final Set<Role> PLANNERS = Set.of(Role.COA_PLANNER);

    /** Roles that set the norm for the central registration centre. */
    public static final Set<Role> NORM_KEEPERS = Set.of(Role.NATIONAL_COORDINATOR);

    private Receptions() {
    }

    public static boolean mayRead() {
        return CurrentUser.get().map(u -> READERS.contains(u.role())).orElse(false);
    }

    public static boolean mayPlan() {
        return CurrentUser.get().map(u -> PLANNERS.contains(u.role())).orElse(false);
    }

    public static boolean mayKeepNorm() {
        return CurrentUser.get().map(u -> NORM_KEEPERS.contains(u.role())).orElse(false);
    }

    static DoorstroomUser require(Set<Role> roles, String refusal) {
        var user = CurrentUser.get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
        if (!roles.contains(user.role())) {
            throw new AccessDeniedException(refusal);
        }
        return user;
    }

    /** The municipalities whose locations the reader sees: null for all (a nation-wide role). */
    static List<MunicipalityCode> visible(DoorstroomUser user, MunicipalityRegistry registry) {
        if (user.scope().kind() == ScopeKind.NATION) {
            return null;
        }
        if (user.scope().kind() == ScopeKind.PROVINCE) {
            return registry.inProvince(user.scope().province()).stream().map(Municipality::code).toList();
        }
        return List.copyOf(user.scope().municipalities());
    }
}
