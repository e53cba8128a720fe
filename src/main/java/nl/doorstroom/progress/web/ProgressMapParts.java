package nl.doorstroom.progress.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import nl.doorstroom.municipalities.NationalMap.MapView;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The map of realisation (342 outlines and the table beside them) rendered once per progress
 * picture and language, and kept for the most recent pictures: rendering it is most of the cost of
 * the overview page.
 */
@Component
class ProgressMapParts {

    record Parts(String svg, String rows) {
    }

    private record Key(String picture, Locale locale, String base) {
    }

    private final ITemplateEngine templates;
    private final Map<Key, Parts> rendered = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Parts> eldest) {
            return size() > 24;
        }
    };

    ProgressMapParts(ITemplateEngine templates) {
        this.templates = templates;
    }

    Parts of(String picture, MapView map, Locale locale, String base) {
        var key = new Key(picture, locale, base);
        synchronized (rendered) {
            var parts = rendered.get(key);
            if (parts != null) {
                return parts;
            }
        }
        var context = new Context(locale, Map.of("map", map, "base", base, "hrefPrefix", "/progress/municipalities/"));
        var parts = new Parts(templates.process("municipalities/map-parts", Set.of("svg"), context),
                templates.process("municipalities/map-parts", Set.of("rows"), context));
        synchronized (rendered) {
            rendered.put(key, parts);
        }
        return parts;
    }
}
