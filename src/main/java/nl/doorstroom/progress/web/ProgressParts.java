package nl.doorstroom.progress.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import nl.doorstroom.municipalities.NationalMap.MapView;
import nl.doorstroom.progress.PeriodTotals;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders the parts of the overview that are the same for every user (the figures, the tables, the
 * map of realisation with its 342 outlines) to HTML once; the overview keeps the result for as long
 * as its progress picture is current. There is no request here, so these templates build their links
 * from {@code base} (the context path) instead of {@code @{}}.
 */
@Component
class ProgressParts {

    record MapParts(String svg, String rows) {
    }

    record OverviewParts(String figures, String periods, String provinces) {
    }

    private final ITemplateEngine templates;

    ProgressParts(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** @param dateQuery {@code ""} for today, else {@code ?date=…} for links that keep the chosen date */
    OverviewParts overview(PeriodTotals current, List<PeriodTotals> totals, List<ProgressSelections.ProvinceRow> provinces,
            Locale locale, String base, String dateQuery) {
        var context = new Context(locale, Map.of("current", current, "totals", totals, "provinces", provinces,
                "base", base, "dateQuery", dateQuery));
        return new OverviewParts(templates.process("progress/overview-parts", Set.of("figures"), context),
                templates.process("progress/overview-parts", Set.of("periods"), context),
                templates.process("progress/overview-parts", Set.of("provinces"), context));
    }

    /** @param dateQuery {@code ""} for today, else {@code ?date=…}: each municipality links to its figures on that date */
    MapParts map(MapView map, Locale locale, String base, String dateQuery) {
        var context = new Context(locale, Map.of("map", map, "base", base, "hrefPrefix", "/progress/municipalities/",
                "hrefSuffix", dateQuery));
        return new MapParts(templates.process("municipalities/map-parts", Set.of("svg"), context),
                templates.process("municipalities/map-parts", Set.of("rows"), context));
    }
}
