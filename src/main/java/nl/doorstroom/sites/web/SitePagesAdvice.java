package nl.doorstroom.sites.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import nl.doorstroom.sites.SiteInventory;
import nl.doorstroom.sites.SiteNotFound;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every site page shares: whether the reader may change sites (for the section links), and a site that
 * does not exist or lies outside the reader's scope (not told apart) answered with 404 and the error page.
 */
// The pages only, by name: the API controller in this package answers its errors as problem+json.
@ControllerAdvice(assignableTypes = { SitePages.class, SiteForms.class })
class SitePagesAdvice {

    @ModelAttribute("mayEditSites")
    boolean mayEditSites() {
        return SiteInventory.mayEdit();
    }

    /** The colour of each status on the map, also beside the status in lists (with its name). */
    @ModelAttribute("colours")
    java.util.Map<nl.doorstroom.sites.SiteStatus, String> colours() {
        return SiteMap.COLOURS;
    }

    @ExceptionHandler(SiteNotFound.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }
}
