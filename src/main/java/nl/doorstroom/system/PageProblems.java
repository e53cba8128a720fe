package nl.doorstroom.system;

import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.permitholders.HouseholdRegister;
import nl.doorstroom.shared.InvalidInput;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A page request that a page does not handle itself and whose input breaks a rule (a download link with
 * a filter or date that cannot be read) answers 400 with the problems on the error page, not 500. The
 * API's own answer (problem+json, {@link ApiProblems}) comes first for REST controllers.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblems {

    private final boolean demo;

    PageProblems(@Value("${doorstroom.demo.enabled:false}") boolean demo) {
        this.demo = demo;
    }

    @ExceptionHandler(InvalidInput.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(InvalidInput e, Model model) {
        // Controller advice does not fill the model of an exception handler: the layout's attributes are set here.
        model.addAttribute("currentUser", CurrentUser.get().orElse(null));
        model.addAttribute("demoMode", demo);
        model.addAttribute("mayReadHouseholds", HouseholdRegister.mayRead());
        model.addAttribute("mayReadLinking", nl.doorstroom.matching.LinkingRuns.mayRead());
        model.addAttribute("mayReadCoordination", nl.doorstroom.coordination.Coordinators.mayRead());
        model.addAttribute("mayReadSites", nl.doorstroom.sites.SiteInventory.mayRead());
        model.addAttribute("status", 400);
        model.addAttribute("problems", e.problems());
        return "error";
    }
}
