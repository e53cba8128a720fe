package nl.doorstroom.coordination;

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
 * Who does what in the coordination centre. The centre (national coordinators) and COA phone
 * municipalities and record what they promised; ministry analysts read everything; a province supervisor
 * reads the call list, contacts and commitments of the province's municipalities; a municipality officer
 * reads the municipality's own commitments.
 */
public final class Coordinators {

    /** Roles that log contacts, decide on commitments, keep follow-ups and set municipalities aside. */
    public static final Set<Role> COORDINATORS = Set.of(Role.NATIONAL_COORDINATOR, Role.COA_PLANNER);

    /** Roles that see the call list and contacts (a province supervisor for the province only). */
    public static final Set<Role> READERS = Set.of(Role.NATIONAL_COORDINATOR, Role.COA_PLANNER, Role.MINISTRY_ANALYST,
            Role.PROVINCE_SUPERVISOR);

    /** Roles that set the call-list policy and the weekly target. */
    public static final Set<Role> POLICY_KEEPERS = Set.of(Role.NATIONAL_COORDINATOR);

    private Coordinators() {
    }

    public static boolean mayCoordinate() {
        return CurrentUser.get().map(u -> COORDINATORS.contains(u.role())).orElse(false);
    }

    public static boolean mayRead() {
        return CurrentUser.get().map(u -> READERS.contains(u.role())).orElse(false);
    }

    public static boolean mayKeepPolicy() {
        return CurrentUser.get().map(u -> POLICY_KEEPERS.contains(u.role())).orElse(false);
    }

    static DoorstroomUser requireCoordinator() {
        var user = CurrentUser.get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
        if (!COORDINATORS.contains(user.role())) {
            throw new AccessDeniedException("Only the coordination centre and COA record contacts and commitments");
        }
        return user;
    }

    static DoorstroomUser requireReader() {
        var user = CurrentUser.get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
        if (!READERS.contains(user.role())) {
            throw new AccessDeniedException("This role does not see the coordination centre's work");
        }
        return user;
    }

    /** The municipalities the reader sees: null for all (a nation-wide role). */
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
