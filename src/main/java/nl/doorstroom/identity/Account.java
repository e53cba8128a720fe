package nl.doorstroom.identity;

import java.time.Instant;

/**
 * An account as administrators see it. The password hash never leaves the module.
 */
public record Account(long id, String username, String displayName, Role role, Scope scope, boolean enabled,
        Instant createdAt, int version) {

    DoorstroomUser asUser() {
        return new DoorstroomUser(id, username, displayName, role, scope);
    }
}
