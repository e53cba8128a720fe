package nl.doorstroom.housingmarket;

import java.util.Set;

import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.identity.DoorstroomUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.identity.ScopeKind;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who reads and who makes allocation-share simulations. National roles read every area; a province supervisor its
 * province and its municipalities, a municipality officer its own municipality, a housing corporation the
 * municipalities it serves. National coordinators, ministry analysts and administrators make and change scenarios
 * for any area; a housing corporation for the municipalities it serves: at the table the ministry and the
 * corporations both put their options on the same curve.
 */
@Component
public class SimulationAccess {

    public static final Set<Role> READERS = Set.of(Role.NATIONAL_COORDINATOR, Role.MINISTRY_ANALYST, Role.COA_PLANNER,
            Role.PROVINCE_SUPERVISOR, Role.MUNICIPALITY_OFFICER, Role.HOUSING_CORPORATION, Role.ADMINISTRATOR);

    public static final Set<Role> AUTHORS = Set.of(Role.NATIONAL_COORDINATOR, Role.MINISTRY_ANALYST,
            Role.HOUSING_CORPORATION, Role.ADMINISTRATOR);

    private final MunicipalityRegistry registry;

    SimulationAccess(MunicipalityRegistry registry) {
        this.registry = registry;
    }

    public boolean mayRead() {
        return CurrentUser.get().map(u -> READERS.contains(u.role())).orElse(false);
    }

    /** Whether the signed-in user makes scenarios at all (for some area). */
    public boolean mayAuthor() {
        return CurrentUser.get().map(u -> AUTHORS.contains(u.role())).orElse(false);
    }

    public boolean maySee(SimulationArea area) {
        return CurrentUser.get().map(u -> READERS.contains(u.role()) && covers(u, area)).orElse(false);
    }

    public boolean mayAuthor(SimulationArea area) {
        return CurrentUser.get().map(u -> AUTHORS.contains(u.role()) && covers(u, area)).orElse(false);
    }

    /** Whether the user's scope covers a municipality (for lists of municipalities in a wider area). */
    public boolean maySee(MunicipalityCode municipality) {
        return maySee(SimulationArea.of(municipality));
    }

    DoorstroomUser requireReader(SimulationArea area) {
        var user = CurrentUser.get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
        if (!READERS.contains(user.role()) || !covers(user, area)) {
            throw new AccessDeniedException("This user does not see simulations of " + area);
        }
        return user;
    }

    DoorstroomUser requireReader() {
        var user = CurrentUser.get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
        if (!READERS.contains(user.role())) {
            throw new AccessDeniedException("This role does not see simulations");
        }
        return user;
    }

    void requireAuthor() {
        if (!mayAuthor()) {
            throw new AccessDeniedException("This role does not make allocation scenarios");
        }
    }

    void requireAuthor(SimulationArea area) {
        if (!mayAuthor(area)) {
            throw new AccessDeniedException("This user does not make scenarios for " + area);
        }
    }

    /**
     * A housing corporation changes only the scenarios its own user made: several corporations serve one municipality
     * and the ministry's options are the ministry's, so covering the area is not enough to rewrite someone's scenario.
     */
    void requireChanger(AllocationScenario scenario) {
        if (!mayChange(scenario)) {
            throw new AccessDeniedException("This user does not change scenario " + scenario.id());
        }
    }

    /** Whether the signed-in user may change this scenario (see {@link #requireChanger}). */
    public boolean mayChange(AllocationScenario scenario) {
        return mayAuthor(scenario.area()) && CurrentUser.get().map(u -> u.role() != Role.HOUSING_CORPORATION
                || u.username().equals(scenario.createdBy())).orElse(false);
    }

    private boolean covers(DoorstroomUser user, SimulationArea area) {
        var scope = user.scope();
        switch (area.kind()) {
            case NATION:
                return scope.kind() == ScopeKind.NATION;
            case PROVINCE:
                return scope.coversProvince(area.province());
            case MUNICIPALITY:
            default:
                var municipality = registry.find(area.municipality());
                return municipality.isPresent() && scope.covers(area.municipality(), municipality.get().province());
        }
    }
}
