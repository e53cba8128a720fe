package nl.doorstroom.permitholders;

import java.util.List;
import java.util.Set;

import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.identity.DoorstroomUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.security.access.AccessDeniedException;

/**
 * Which households the current user may see: COA planners and national coordinators every household;
 * a province supervisor those linked to the province's municipalities; a municipality officer those
 * linked to the municipality. Other roles see counts only, never a household.
 *
 * @param codes the municipalities whose linked households are visible; null for all households
 * @param registry where provinces' municipalities are looked up
 */
record Visibility(DoorstroomUser user, List<String> codes, MunicipalityRegistry registry) {

    static final Set<Role> READERS = Set.of(Role.COA_PLANNER, Role.NATIONAL_COORDINATOR, Role.PROVINCE_SUPERVISOR,
            Role.MUNICIPALITY_OFFICER);

    static boolean mayRead() {
        return CurrentUser.get().map(u -> READERS.contains(u.role())).orElse(false);
    }

    static Visibility current(MunicipalityRegistry registry) {
        var user = CurrentUser.get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
        if (!READERS.contains(user.role())) {
            throw new AccessDeniedException("This role sees no households");
        }
        return switch (user.scope().kind()) {
            case NATION -> new Visibility(user, null, registry);
            case PROVINCE -> new Visibility(user, registry.inProvince(user.scope().province()).stream()
                    .map(Municipality::code).map(MunicipalityCode::value).toList(), registry);
            case MUNICIPALITY, ORGANISATION -> new Visibility(user,
                    user.scope().municipalities().stream().map(MunicipalityCode::value).toList(), registry);
        };
    }

    boolean all() {
        return codes == null;
    }

    boolean covers(MunicipalityCode municipality) {
        return all() || (municipality != null && codes.contains(municipality.value()));
    }

    /** The province's municipalities (a filter), as a list for {@code IN}; the registry decides membership. */
    List<String> provinceMunicipalities(nl.doorstroom.shared.ProvinceCode province) {
        var all = registry.inProvince(province).stream().map(Municipality::code).map(MunicipalityCode::value).toList();
        return all.isEmpty() ? List.of("") : all;
    }

    /** A municipality sees composition and needs, not the reception location or other municipalities' links. */
    boolean redacted() {
        return user.role() == Role.MUNICIPALITY_OFFICER;
    }

    /** The SQL condition on the household's municipality column; binds {@code :visible}. */
    String condition(String column) {
        return all() ? "TRUE" : column + " IN (:visible)";
    }

    /** The value for {@code :visible} (a list the driver expands; unused when all are visible). */
    List<String> parameter() {
        return all() ? List.of("") : codes;
    }
}
