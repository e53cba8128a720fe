package nl.doorstroom;

import java.util.List;

import nl.doorstroom.identity.DoorstroomUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.identity.Scope;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Signed-in users of each role for web tests, scoped as the demo accounts are.
 */
public final class TestUsers {

    private TestUsers() {
    }

    public static DoorstroomUser of(Role role) {
        var scope = switch (role.scopeKind()) {
            case NATION -> Scope.nation();
            case PROVINCE -> Scope.province(ProvinceCode.of("PV26"));
            case MUNICIPALITY -> Scope.municipality(MunicipalityCode.of("GM0344"));
            case ORGANISATION -> Scope.organisation("Woonstichting Test",
                    java.util.Set.of(MunicipalityCode.of("GM0344"), MunicipalityCode.of("GM0355")));
        };
        return new DoorstroomUser(1, "test-" + role.name().toLowerCase(), "Test " + role, role, scope);
    }

    public static Authentication signedIn(Role role) {
        var user = of(role);
        return new UsernamePasswordAuthenticationToken(user, null, List.of(new SimpleGrantedAuthority(role.authority())));
    }

    /** An officer of another municipality than the demo's Utrecht, for scope tests. */
    public static DoorstroomUser officerOf(MunicipalityCode municipality) {
        return new DoorstroomUser(2, "test-officer-" + municipality.value().toLowerCase(), "Officer " + municipality.value(),
                Role.MUNICIPALITY_OFFICER, Scope.municipality(municipality));
    }

    public static Authentication signedIn(DoorstroomUser user) {
        return new UsernamePasswordAuthenticationToken(user, null, List.of(new SimpleGrantedAuthority(user.role().authority())));
    }

    /** Does the work signed in with the role (scoped as {@link #of}), and signs out after. */
    public static <T> T as(Role role, java.util.concurrent.Callable<T> work) throws Exception {
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(signedIn(role));
        try {
            return work.call();
        }
        finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }
}
