package nl.doorstroom.permitholders.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import nl.doorstroom.permitholders.HouseholdNotFound;
import nl.doorstroom.permitholders.HouseholdRegister;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every household page shares: whether the reader keeps the register (for the section links), and
 * a household that does not exist or lies outside the reader's scope (the facade does not tell the two
 * apart) answered with 404 and the error page.
 */
// The pages only, by name: an API controller in this package answers its errors as problem+json itself.
@ControllerAdvice(assignableTypes = { HouseholdPages.class, JourneyForms.class, HouseholdForms.class,
        HouseholdDownloads.class, OverduePages.class, FunnelPages.class, CancelReasonPages.class })
class HouseholdPagesAdvice {

    @ModelAttribute("mayRegisterHouseholds")
    boolean mayRegisterHouseholds() {
        return HouseholdRegister.mayRegister();
    }

    @ExceptionHandler(HouseholdNotFound.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }
}
