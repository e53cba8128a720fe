package nl.doorstroom.system;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.shared.InvalidInput.Problem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A file above the upload limit is refused before any controller sees it; this says so in the
 * user's language, as a page or (for the API) as problem+json, instead of an error.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimit {

    private final MessageSource messages;
    private final boolean demo;

    UploadLimit(MessageSource messages, @Value("${doorstroom.demo.enabled:false}") boolean demo) {
        this.messages = messages;
        this.demo = demo;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                    messages.getMessage("upload.tooLarge", null, ApiLocale.of(request)));
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        var page = new ModelAndView("error", HttpStatus.PAYLOAD_TOO_LARGE);
        page.addObject("status", 400);
        page.addObject("problems", List.of(Problem.of("file", "upload.tooLarge")));
        page.addObject("currentUser", CurrentUser.get().orElse(null));
        page.addObject("demoMode", demo);
        return page;
    }
}
