package nl.doorstroom.supervision;

import java.util.Set;

import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.identity.DoorstroomUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.identity.ScopeKind;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who does what in supervision. The province supervises (Gemeentewet art. 124): its supervisors assess,
 * keep the ladder and the letter templates, and move cases, for their own province only; administrators
 * may too. The minister's request to act (art. 124a) is recorded by a ministry analyst or the province.
 * National roles read every case; a municipality officer reads the municipality's own.
 */
public final class Supervisors {

    /** Roles that assess, keep ladders and templates, and move cases (a province supervisor for the own province). */
    public static final Set<Role> SUPERVISORS = Set.of(Role.PROVINCE_SUPERVISOR, Role.ADMINISTRATOR);

    /** Roles that read assessments and cases (narrowed to the own province or municipality by scope). */
    public static final Set<Role> READERS = Set.of(Role.NATIONAL_COORDINATOR, Role.MINISTRY_ANALYST, Role.COA_PLANNER,
            Role.PROVINCE_SUPERVISOR, Role.MUNICIPALITY_OFFICER, Role.ADMINISTRATOR);

    /** Roles that record a request of the minister to act (art. 124a). */
    public static final Set<Role> MINISTER_REQUESTERS = Set.of(Role.MINISTRY_ANALYST, Role.PROVINCE_SUPERVISOR,
            Role.ADMINISTRATOR);

    private Supervisors() {
    }

    public static boolean mayRead() {
        return CurrentUser.get().map(u -> READERS.contains(u.role())).orElse(false);
    }

    /** Whether the signed-in user supervises the province's municipalities. */
    public static boolean maySupervise(ProvinceCode province) {
        return CurrentUser.get().map(u -> SUPERVISORS.contains(u.role()) && u.scope().coversProvince(province))
                .orElse(false);
    }

    /** Whether the signed-in user supervises anywhere (a province supervisor or an administrator). */
    public static boolean maySuperviseAnywhere() {
        return CurrentUser.get().map(u -> SUPERVISORS.contains(u.role())).orElse(false);
    }

    public static boolean mayRecordMinisterRequest(ProvinceCode province) {
        return CurrentUser.get().map(u -> MINISTER_REQUESTERS.contains(u.role()) && u.scope().coversProvince(province))
                .orElse(false);
    }

    /** Whether the signed-in user may read a municipality's assessments and cases. */
    public static boolean maySee(MunicipalityCode municipality, ProvinceCode province) {
        return CurrentUser.get().map(u -> READERS.contains(u.role()) && u.scope().covers(municipality, province))
                .orElse(false);
    }

    static DoorstroomUser requireReader() {
        var user = CurrentUser.get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
        if (!READERS.contains(user.role())) {
            throw new AccessDeniedException("This role does not see supervision");
        }
        return user;
    }

    static void requireSupervisor(ProvinceCode province) {
        if (!maySupervise(province)) {
            throw new AccessDeniedException("Only the province's supervisors decide on its municipalities");
        }
    }

    /** The province a reader is limited to, or null for a national reader; municipality officers see their own only. */
    static ProvinceCode provinceOf(DoorstroomUser user) {
        return user.scope().kind() == ScopeKind.PROVINCE ? user.scope().province() : null;
    }
}
