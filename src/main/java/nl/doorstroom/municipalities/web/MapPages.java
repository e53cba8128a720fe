package nl.doorstroom.municipalities.web;

import java.util.Locale;

import nl.doorstroom.municipalities.PopulationMap;
import nl.doorstroom.municipalities.PopulationMap.Figure;
import nl.doorstroom.municipalities.Populations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class MapPages {

    private final PopulationMap map;
    private final Populations populations;
    private final MapParts parts;

    MapPages(PopulationMap map, Populations populations, MapParts parts) {
        this.map = map;
        this.populations = populations;
        this.parts = parts;
    }

    @GetMapping("/")
    String map(@RequestParam(defaultValue = "POPULATION") Figure figure, @RequestParam(required = false) Long version,
            Model model, Locale locale, jakarta.servlet.http.HttpServletRequest request) {
        var versions = populations.versions();
        var selected = version == null ? Populations.latestOf(versions)
                : versions.stream().filter(v -> v.id() == version).findFirst()
                        .orElseThrow(() -> new PageNotFound("population-version", version));
        model.addAttribute("figure", figure);
        model.addAttribute("figures", Figure.values());
        model.addAttribute("version", selected);
        model.addAttribute("versions", versions);
        var view = map.of(figure, selected.id(), locale);
        model.addAttribute("map", view);
        model.addAttribute("parts", parts.of(figure + "@" + selected.id(), view, locale, request.getContextPath()));
        return "municipalities/map";
    }
}
