package nl.doorstroom.governance;

import java.util.Set;

import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.identity.DoorstroomUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.identity.ScopeKind;
import nl.doorstroom.shared.ProvinceCode;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who writes the table's letters to sets of municipalities. The table's national members (the coordination
 * centre, the ministry) and administrators keep the templates and write to any municipality; a province
 * supervisor writes, with the table's templates, to the municipalities of the own province only (the province
 * supervises them, Gemeentewet art. 124) and sees the batches written to them. COA, municipalities and housing
 * corporations are addressed by letters or work beside them, so they see none of this.
 */
public final class TableLetterWriters {

    /** Roles that keep the templates and write to any municipality. */
    public static final Set<Role> KEEPERS = Set.of(Role.NATIONAL_COORDINATOR, Role.MINISTRY_ANALYST,
            Role.ADMINISTRATOR);

    /** Roles that read the templates and write letters (a province supervisor for the own province only). */
    public static final Set<Role> WRITERS = Set.of(Role.NATIONAL_COORDINATOR, Role.MINISTRY_ANALYST,
            Role.ADMINISTRATOR, Role.PROVINCE_SUPERVISOR);

    private TableLetterWriters() {
    }

    public static boolean mayWrite() {
        return CurrentUser.get().map(u -> WRITERS.contains(u.role())).orElse(false);
    }

    public static boolean mayKeepTemplates() {
        return CurrentUser.get().map(u -> KEEPERS.contains(u.role())).orElse(false);
    }

    static DoorstroomUser requireWriter() {
        var user = CurrentUser.get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
        if (!WRITERS.contains(user.role())) {
            throw new AccessDeniedException("This role does not write the table's letters");
        }
        return user;
    }

    static DoorstroomUser requireKeeper() {
        var user = CurrentUser.get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
        if (!KEEPERS.contains(user.role())) {
            throw new AccessDeniedException("Only the table's national members keep its letter templates");
        }
        return user;
    }

    /** The province a writer is limited to, or null for one who writes to every municipality. */
    static ProvinceCode provinceOf(DoorstroomUser user) {
        return user.scope().kind() == ScopeKind.PROVINCE ? user.scope().province() : null;
    }
}
