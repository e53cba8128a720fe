package nl.doorstroom.identity;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The user behind the current request, for modules that need to check a scope or name an actor.
 */
public final class CurrentUser {

    /** The actor recorded for work done by the system itself (migrations, demo data, schedules). */
    public static final String SYSTEM = "system";

    private CurrentUser() {
    }

    public static Optional<DoorstroomUser> get() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Optional<DoorstroomUser> from(Authentication authentication) {
        if (authentication == null) {
            return Optional.empty();
        }
        var principal = authentication.getPrincipal();
        if (principal instanceof AccountDetails details) {
            return Optional.of(details.user());
        }
        if (principal instanceof DoorstroomUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** The username to record as actor, or {@value #SYSTEM}. */
    public static String actor() {
        return get().map(DoorstroomUser::username).orElse(SYSTEM);
    }
}
