package nl.doorstroom.system;

import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.identity.DoorstroomUser;
import nl.doorstroom.permitholders.HouseholdRegister;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs: the signed-in user, whether the data is the synthetic demo, and
 * whether the user sees households (the menu offers the register only to those who do).
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

    private final boolean demo;

    LayoutAdvice(@Value("${doorstroom.demo.enabled:false}") boolean demo) {
        this.demo = demo;
    }

    @ModelAttribute("currentUser")
    DoorstroomUser currentUser() {
        return CurrentUser.get().orElse(null);
    }

    @ModelAttribute("demoMode")
    boolean demoMode() {
        return demo;
    }

    @ModelAttribute("mayReadCoordination")
    boolean mayReadCoordination() {
        return nl.doorstroom.coordination.Coordinators.mayRead();
    }

    @ModelAttribute("mayReadLinking")
    boolean mayReadLinking() {
        return nl.doorstroom.matching.LinkingRuns.mayRead();
    }

    @ModelAttribute("mayReadSupervision")
    boolean mayReadSupervision() {
        return nl.doorstroom.supervision.Supervisors.mayRead();
    }

    @ModelAttribute("mayReadForecasts")
    boolean mayReadForecasts() {
        return nl.doorstroom.forecasting.Forecasters.mayRead();
    }

    @ModelAttribute("mayReadSites")
    boolean mayReadSites() {
        return nl.doorstroom.sites.SiteInventory.mayRead();
    }

    @ModelAttribute("mayReadReception")
    boolean mayReadReception() {
        return nl.doorstroom.reception.Receptions.mayRead();
    }

    @ModelAttribute("mayReadGovernance")
    boolean mayReadGovernance() {
        return nl.doorstroom.governance.TableMembers.mayRead();
    }

    @ModelAttribute("mayReadHouseholds")
    boolean mayReadHouseholds() {
        return HouseholdRegister.mayRead();
    }
}
