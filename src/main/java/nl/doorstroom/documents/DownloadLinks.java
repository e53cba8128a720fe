package nl.doorstroom.documents;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The links to a page's table as CSV and Excel: the page's own query (its filters) plus
 * {@code format=csv} or {@code format=xlsx}, so the download holds what the page shows. The
 * {@code downloads(baseUrl)} fragment in {@code fragments/documents.html} uses it.
 *
 * <p>A bean and not template code, because Thymeleaf 3.1 no longer offers {@code #request} (nor
 * {@code #httpServletRequest}) to templates; this reads the request that Spring MVC has bound to the
 * rendering thread. Thymeleaf 3.1 also refuses bean references inside {@code th:href}, so a template
 * takes the link in {@code th:with="csv=${@downloadLinks.csv(baseUrl)}"} and then writes
 * {@code th:href="${csv}"}. Outside a request the link is the base URL with only the format.
 */
@Component("downloadLinks")
public class DownloadLinks {

    static final String FORMAT = "format";

    /** {@code baseUrl} (or, when empty, the current page) with the page's query and {@code format=csv}. */
    public String csv(String baseUrl) {
        return link(currentRequest(), baseUrl, "csv");
    }

    /** {@code baseUrl} (or, when empty, the current page) with the page's query and {@code format=xlsx}. */
    public String xlsx(String baseUrl) {
        return link(currentRequest(), baseUrl, "xlsx");
    }

    static String link(HttpServletRequest request, String baseUrl, String format) {
        var base = baseUrl != null && !baseUrl.isBlank() ? baseUrl : request != null ? request.getRequestURI() : "";
        var link = UriComponentsBuilder.fromUriString(base);
        if (request != null && request.getQueryString() != null) {
            var own = link.build().getQueryParams();
            // Still encoded as the browser sent them: copied as they are, never encoded twice.
            UriComponentsBuilder.newInstance().query(request.getQueryString()).build().getQueryParams()
                    .forEach((name, values) -> {
                        if (!name.equals(FORMAT) && !own.containsKey(name)) {
                            link.queryParam(name, values.stream().map(v -> v == null ? "" : v).toArray());
                        }
                    });
        }
        return link.replaceQueryParam(FORMAT, format).build().toUriString();
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
