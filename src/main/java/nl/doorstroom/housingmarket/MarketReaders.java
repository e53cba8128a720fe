package nl.doorstroom.housingmarket;

import java.util.Optional;
import java.util.Set;

import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.identity.DoorstroomUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.identity.ScopeKind;
import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who reads and who changes the housing-market figures. National roles read everything; a province supervisor
 * reads the figures of its province's municipalities, a municipality officer those of its own municipality, and
 * a housing corporation only its own rows (its scope's organisation is the corporation's name). National
 * coordinators and administrators register corporations and import or change the figures of any corporation; a
 * corporation changes only its own figures, and only for the municipalities its scope serves. Ministry analysts
 * and COA planners read.
 */
public final class MarketReaders {

    /** Roles that read market figures (narrowed by scope, see {@link Visibility}). */
    public static final Set<Role> READERS = Set.of(Role.NATIONAL_COORDINATOR, Role.MINISTRY_ANALYST, Role.COA_PLANNER,
            Role.PROVINCE_SUPERVISOR, Role.MUNICIPALITY_OFFICER, Role.HOUSING_CORPORATION, Role.ADMINISTRATOR);

    /** Roles that register corporations and import or change the figures of every corporation. */
    public static final Set<Role> KEEPERS = Set.of(Role.NATIONAL_COORDINATOR, Role.ADMINISTRATOR);

    /** Roles that import or change figures: the keepers, and a corporation for its own (checked by the facade). */
    public static final Set<Role> CHANGERS = Set.of(Role.NATIONAL_COORDINATOR, Role.ADMINISTRATOR,
            Role.HOUSING_CORPORATION);

    /**
     * The rows a reader sees: of every municipality ({@code municipalities} empty) or only of these, and of every
     * corporation ({@code corporation} empty) or only of the one so named.
     */
    public record Visibility(Optional<Set<MunicipalityCode>> municipalities, Optional<String> corporation) {

        public boolean covers(MunicipalityCode municipality) {
            return municipalities.map(m -> m.contains(municipality)).orElse(true);
        }

        public boolean covers(String corporationName) {
            return corporation.map(c -> c.equals(corporationName)).orElse(true);
        }
    }

    private MarketReaders() {
    }

    public static boolean mayRead() {
        return CurrentUser.get().map(u -> READERS.contains(u.role())).orElse(false);
    }

    /** Whether the signed-in user registers corporations and keeps every corporation's figures. */
    public static boolean mayKeepAll() {
        return CurrentUser.get().map(u -> KEEPERS.contains(u.role())).orElse(false);
    }

    /** Whether the signed-in user may import or change figures at all (of which corporation: see below). */
    public static boolean mayChangeAny() {
        return CurrentUser.get().map(u -> CHANGERS.contains(u.role())).orElse(false);
    }

    /** Whether the signed-in user may change this corporation's figures for this municipality. */
    public static boolean mayChange(String corporationName, MunicipalityCode municipality) {
        return CurrentUser.get().map(u -> mayChange(u, corporationName, municipality)).orElse(false);
    }

    /** Whether the signed-in user may change or import any of this corporation's figures. */
    public static boolean mayChangeSome(String corporationName) {
        return CurrentUser.get().map(u -> KEEPERS.contains(u.role()) || ownCorporation(u, corporationName))
                .orElse(false);
    }

    static boolean mayChange(DoorstroomUser user, String corporationName, MunicipalityCode municipality) {
        if (KEEPERS.contains(user.role())) {
            return true;
        }
        return ownCorporation(user, corporationName) && user.scope().municipalities().contains(municipality);
    }

    static boolean ownCorporation(DoorstroomUser user, String corporationName) {
        return user.role() == Role.HOUSING_CORPORATION && user.scope().kind() == ScopeKind.ORGANISATION
                && user.scope().organisation().equals(corporationName);
    }

    static DoorstroomUser requireReader() {
        var user = CurrentUser.get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
        if (!READERS.contains(user.role())) {
            throw new AccessDeniedException("This role does not see the housing market");
        }
        return user;
    }

    static DoorstroomUser requireKeeper() {
        var user = CurrentUser.get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
        if (!KEEPERS.contains(user.role())) {
            throw new AccessDeniedException("Only national coordinators and administrators keep housing corporations");
        }
        return user;
    }

    /** What a user sees; province municipalities are looked up by the caller. */
    static Visibility visibility(DoorstroomUser user, java.util.function.Function<nl.doorstroom.shared.ProvinceCode,
            Set<MunicipalityCode>> provinceMunicipalities) {
        return switch (user.scope().kind()) {
            case NATION -> new Visibility(Optional.empty(), Optional.empty());
            case PROVINCE -> new Visibility(Optional.of(provinceMunicipalities.apply(user.scope().province())),
                    Optional.empty());
            case MUNICIPALITY -> new Visibility(Optional.of(Set.copyOf(user.scope().municipalities())), Optional.empty());
            case ORGANISATION -> user.role() == Role.HOUSING_CORPORATION
                    ? new Visibility(Optional.empty(), Optional.of(user.scope().organisation()))
                    : new Visibility(Optional.of(Set.copyOf(user.scope().municipalities())), Optional.of(
                            user.scope().organisation()));
        };
    }
}
