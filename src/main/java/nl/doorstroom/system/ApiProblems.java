package nl.doorstroom.system;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

import jakarta.servlet.http.HttpServletRequest;
import nl.doorstroom.matching.LinkingRunNotFound;
import nl.doorstroom.permitholders.HouseholdNotFound;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the API as {@code application/problem+json} (RFC 9457), with the NL API Design Rules'
 * {@code invalidParams} for input problems: each names the field (and the row, for files) and why.
 */
@RestControllerAdvice(annotations = RestController.class)
@org.springframework.core.annotation.Order(0)
class ApiProblems extends ResponseEntityExceptionHandler {

    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInput e, HttpServletRequest request) {
        var locale = ApiLocale.of(request);
        var problem = problem(HttpStatus.BAD_REQUEST, "api.invalidInput", request, e.problems().size());
        problem.setProperty("invalidParams", e.problems().stream().map(p -> {
            var reason = messages.getMessage(p.messageKey(), p.arguments().toArray(), p.messageKey(), locale);
            return p.row() > 0
                    ? Map.<String, Object>of("name", p.field(), "row", p.row(), "code", p.messageKey(), "reason", reason)
                    : Map.<String, Object>of("name", p.field(), "code", p.messageKey(), "reason", reason);
        }).toList());
        return respond(problem);
    }

    @ExceptionHandler(EditConflict.class)
    ResponseEntity<ProblemDetail> conflict(EditConflict e, HttpServletRequest request) {
        return respond(problem(HttpStatus.CONFLICT, "api.conflict", request));
    }

    /** A household that does not exist or lies outside the user's scope: the two are not told apart. */
    @ExceptionHandler({ NoSuchElementException.class, HouseholdNotFound.class, LinkingRunNotFound.class })
    ResponseEntity<ProblemDetail> notFound(RuntimeException e, HttpServletRequest request) {
        return respond(problem(HttpStatus.NOT_FOUND, "api.notFound", request));
    }

    @ExceptionHandler({ MethodArgumentTypeMismatchException.class, IllegalArgumentException.class })
    ResponseEntity<ProblemDetail> badArgument(Exception e, HttpServletRequest request) {
        var problem = problem(HttpStatus.BAD_REQUEST, "api.badArgument", request);
        if (e instanceof MethodArgumentTypeMismatchException mismatch) {
            problem.setProperty("invalidParams", List.of(Map.of("name", mismatch.getName(), "code", "type",
                    "reason", messages.getMessage("api.badArgument.type", null, ApiLocale.of(request)))));
        }
        return respond(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            org.springframework.http.HttpHeaders headers, org.springframework.http.HttpStatusCode status,
            org.springframework.web.context.request.WebRequest request) {
        return missing(e.getParameterName(), request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e,
            org.springframework.http.HttpHeaders headers, org.springframework.http.HttpStatusCode status,
            org.springframework.web.context.request.WebRequest request) {
        return missing(e.getRequestPartName(), request);
    }

    /**
     * A body that is missing, is no JSON, or holds a value of the wrong type (a date that is no date):
     * the problem names the field where the reader can tell which one it was.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            org.springframework.http.HttpHeaders headers, org.springframework.http.HttpStatusCode status,
            org.springframework.web.context.request.WebRequest webRequest) {
        var request = ((org.springframework.web.context.request.ServletWebRequest) webRequest).getRequest();
        var field = jsonPath(e);
        ProblemDetail problem;
        if (field == null) {
            problem = problem(HttpStatus.BAD_REQUEST, "api.unreadableBody", request);
        }
        else {
            problem = problem(HttpStatus.BAD_REQUEST, "api.invalidInput", request, 1);
            problem.setProperty("invalidParams", List.of(Map.of("name", field, "code", "type",
                    "reason", messages.getMessage("api.badArgument.type", null, ApiLocale.of(request)))));
        }
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("API-Version", SecurityConfiguration.API_VERSION).body(problem);
    }

    /** The field of the body that could not be read, as {@code members[0].ageBand}; null when unknown. */
    private static String jsonPath(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof tools.jackson.core.JacksonException jackson && !jackson.getPath().isEmpty()) {
                var path = new StringBuilder();
                for (var reference : jackson.getPath()) {
                    if (reference.getPropertyName() != null) {
                        path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
                    }
                    else if (reference.getIndex() >= 0) {
                        path.append('[').append(reference.getIndex()).append(']');
                    }
                }
                return path.isEmpty() ? null : path.toString();
            }
        }
        return null;
    }

    private ResponseEntity<Object> missing(String name,
            org.springframework.web.context.request.WebRequest webRequest) {
        var request = ((org.springframework.web.context.request.ServletWebRequest) webRequest).getRequest();
        var problem = problem(HttpStatus.BAD_REQUEST, "api.invalidInput", request, 1);
        problem.setProperty("invalidParams", List.of(Map.of("name", name, "code", "required",
                "reason", messages.getMessage("api.required", null, ApiLocale.of(request)))));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("API-Version", SecurityConfiguration.API_VERSION).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            org.springframework.http.HttpHeaders headers, org.springframework.http.HttpStatusCode status,
            org.springframework.web.context.request.WebRequest request) {
        Locale locale = ApiLocale.of(((org.springframework.web.context.request.ServletWebRequest) request).getRequest());
        var problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle(messages.getMessage("api.invalidInput.title", null, locale));
        problem.setDetail(messages.getMessage("api.invalidInput.detail", new Object[] { e.getErrorCount() }, locale));
        problem.setProperty("invalidParams", e.getFieldErrors().stream()
                .map(f -> Map.of("name", f.getField(), "code", String.valueOf(f.getCode()),
                        "reason", messages.getMessage(f, locale)))
                .toList());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private ProblemDetail problem(HttpStatus status, String key, HttpServletRequest request, Object... args) {
        var locale = ApiLocale.of(request);
        var problem = ProblemDetail.forStatus(status);
        problem.setTitle(messages.getMessage(key + ".title", null, locale));
        problem.setDetail(messages.getMessage(key + ".detail", args, locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("API-Version", SecurityConfiguration.API_VERSION).body(problem);
    }
}
