package nl.doorstroom.forecasting;

import java.util.Set;

import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.identity.Role;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who forecasts. The ministry's analysts, the coordination centre and COA make scenarios and run them; every
 * other national and provincial role reads them. Forecasts hold no personal data.
 */
public final class Forecasters {

    /** Roles that make, change and run scenarios. */
    public static final Set<Role> FORECASTERS = Set.of(Role.MINISTRY_ANALYST, Role.NATIONAL_COORDINATOR,
            Role.COA_PLANNER, Role.ADMINISTRATOR);

    /** Roles that read scenarios, runs and the backtest. */
    public static final Set<Role> READERS = Set.of(Role.MINISTRY_ANALYST, Role.NATIONAL_COORDINATOR, Role.COA_PLANNER,
            Role.ADMINISTRATOR, Role.PROVINCE_SUPERVISOR, Role.MUNICIPALITY_OFFICER, Role.HOUSING_CORPORATION);

    private Forecasters() {
    }

    public static boolean mayForecast() {
        return CurrentUser.get().map(u -> FORECASTERS.contains(u.role())).orElse(false);
    }

    public static boolean mayRead() {
        return CurrentUser.get().map(u -> READERS.contains(u.role())).orElse(false);
    }

    static void requireForecaster() {
        if (!mayForecast()) {
            throw new AccessDeniedException("Only analysts, the coordination centre and COA make forecasts");
        }
    }

    static void requireReader() {
        if (!mayRead()) {
            throw new AccessDeniedException("Not signed in");
        }
    }
}
