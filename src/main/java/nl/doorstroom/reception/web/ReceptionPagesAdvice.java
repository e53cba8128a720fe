package nl.doorstroom.reception.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import nl.doorstroom.reception.LocationNotFound;
import nl.doorstroom.reception.Receptions;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every reception page shares: whether the reader plans (for the section links), and a location that does
 * not exist or lies outside the reader's scope (not told apart) answered with 404 and the error page.
 */
// The pages only, by name: the API controller in this package answers its errors as problem+json.
@ControllerAdvice(assignableTypes = { ReceptionPages.class, ReceptionForms.class })
class ReceptionPagesAdvice {

    @ModelAttribute("mayPlanReception")
    boolean mayPlanReception() {
        return Receptions.mayPlan();
    }

    @ExceptionHandler(LocationNotFound.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }
}
