package nl.doorstroom.identity;

import java.util.Set;

/**
 * What a user does at the table. Each role implies the kind of scope it works in.
 */
public enum Role {

    NATIONAL_COORDINATOR(ScopeKind.NATION),
    MINISTRY_ANALYST(ScopeKind.NATION),
    COA_PLANNER(ScopeKind.NATION),
    PROVINCE_SUPERVISOR(ScopeKind.PROVINCE),
    MUNICIPALITY_OFFICER(ScopeKind.MUNICIPALITY),
    HOUSING_CORPORATION(ScopeKind.ORGANISATION),
    ADMINISTRATOR(ScopeKind.NATION);

    /** Roles that may import official reference figures such as CBS populations. */
    public static final Set<Role> IMPORTERS_OF_REFERENCE_DATA = Set.of(NATIONAL_COORDINATOR, ADMINISTRATOR);

    /** Roles that may define their own regions (sets of municipalities). */
    public static final Set<Role> REGION_EDITORS = Set.of(NATIONAL_COORDINATOR, COA_PLANNER, PROVINCE_SUPERVISOR,
            ADMINISTRATOR);

    private final ScopeKind scopeKind;

    Role(ScopeKind scopeKind) {
        this.scopeKind = scopeKind;
    }

    public ScopeKind scopeKind() {
        return scopeKind;
    }

    /** The Spring Security authority, such as {@code ROLE_ADMINISTRATOR}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public String messageKey() {
        return "role." + name();
    }
}
