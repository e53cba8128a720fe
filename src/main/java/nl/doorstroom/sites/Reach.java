package nl.doorstroom.sites;

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
 * Which sites the current user sees and changes (issue 6, item 3): the coordination centre (national
 * coordinators) and COA every site; a province supervisor those in the province's municipalities; a
 * municipality officer those in the municipality; a ministry analyst reads every site and changes none.
 * Other roles (housing corporations, administrators) see no site: a site names a contact person.
 *
 * @param codes the municipalities whose sites are visible; null for every site
 */
record Reach(DoorstroomUser user, List<String> codes, boolean edits) {

    static final Set<Role> READERS = Set.of(Role.NATIONAL_COORDINATOR, Role.COA_PLANNER, Role.MINISTRY_ANALYST,
            Role.PROVINCE_SUPERVISOR, Role.MUNICIPALITY_OFFICER);

    static final Set<Role> EDITORS = Set.of(Role.NATIONAL_COORDINATOR, Role.COA_PLANNER, Role.PROVINCE_SUPERVISOR,
            Role.MUNICIPALITY_OFFICER);

    static Reach current(MunicipalityRegistry registry) {
        var user = CurrentUser.get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
        if (!READERS.contains(user.role())) {
            throw new AccessDeniedException("This role sees no temporary sites");
        }
        boolean edits = EDITORS.contains(user.role());
        return switch (user.scope().kind()) {
            case NATION -> new Reach(user, null, edits);
            case PROVINCE -> new Reach(user, registry.inProvince(user.scope().province()).stream()
                    .map(Municipality::code).map(MunicipalityCode::value).toList(), edits);
            case MUNICIPALITY, ORGANISATION -> new Reach(user,
                    user.scope().municipalities().stream().map(MunicipalityCode::value).toList(), edits);
        };
    }

    boolean all() {
        return codes == null;
    }

    boolean covers(MunicipalityCode municipality) {
        return all() || (municipality != null && codes.contains(municipality.value()));
    }

    /** Refuses a reader who changes nothing. */
    Reach requireEditor() {
        if (!edits) {
            throw new AccessDeniedException("This role reads temporary sites but changes none");
        }
        return this;
    }

    /** The SQL condition on the site's municipality column; binds {@code :visible}. */
    String condition(String column) {
        return all() ? "TRUE" : column + " IN (:visible)";
    }

    /** The value for {@code :visible} (a list the driver expands; unused when all are visible). */
    List<String> parameter() {
        return all() || codes.isEmpty() ? List.of("") : codes;
    }
}
