package nl.doorstroom.municipalities.web;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import nl.doorstroom.municipalities.NationalMap.MapView;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The heavy parts of the map page (342 outlines and the table beside them) rendered once per map
 * and language and kept: a population version never changes, so neither do they. The page around
 * them is rendered per request as usual.
 */
@Component
class MapParts {

    record Parts(String svg, String rows) {
    }

    private record Key(String map, Locale locale, String base) {
    }

    private final ITemplateEngine templates;
    private final Map<Key, Parts> rendered = new ConcurrentHashMap<>();

    MapParts(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** @param name identifies the map (figure and version): the same name must always mean the same map */
    Parts of(String name, MapView map, Locale locale, String base) {
        return rendered.computeIfAbsent(new Key(name, locale, base), key -> {
            var context = new Context(locale, Map.of("map", map, "base", base, "hrefPrefix", "/municipalities/"));
            return new Parts(templates.process("municipalities/map-parts", Set.of("svg"), context),
                    templates.process("municipalities/map-parts", Set.of("rows"), context));
        });
    }
}
