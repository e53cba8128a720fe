package nl.doorstroom.progress.web;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import nl.doorstroom.municipalities.NationalMap.MapView;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders the map of realisation (342 outlines and the table beside them) to HTML once; the
 * overview keeps the result for as long as its progress picture is current.
 */
@Component
class ProgressMapParts {

    record Parts(String svg, String rows) {
    }

    private final ITemplateEngine templates;

    ProgressMapParts(ITemplateEngine templates) {
        this.templates = templates;
    }

    Parts render(MapView map, Locale locale, String base) {
        var context = new Context(locale, Map.of("map", map, "base", base, "hrefPrefix", "/progress/municipalities/"));
        return new Parts(templates.process("municipalities/map-parts", Set.of("svg"), context),
                templates.process("municipalities/map-parts", Set.of("rows"), context));
    }
}
