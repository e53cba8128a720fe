package nl.doorstroom.identity;

import java.io.Serializable;

/**
 * The signed-in user, as every module sees it: who, in which role, with which scope.
 */
public record DoorstroomUser(long accountId, String username, String displayName, Role role, Scope scope)
        implements Serializable {
}
