package nl.doorstroom.sites.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.municipalities.NationalMap;
import nl.doorstroom.municipalities.NationalMap.GeoPoint;
import nl.doorstroom.sites.SiteStatus;
import nl.doorstroom.sites.TemporarySite;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The sites as points on the national map, coloured by status (and named in words in each point's label,
 * the legend and the list: never by colour alone). A site without a known point is drawn as a ring at its
 * municipality's centre, beside the others there, so that it is seen to be placed only roughly.
 */
@Component
class SiteMap {

    /** The colour of each status (Okabe–Ito, told apart also with colour vision deficiencies). */
    static final Map<SiteStatus, String> COLOURS = Map.of(
            SiteStatus.IDENTIFIED, "#56b4e9",
            SiteStatus.CONTACTED, "#0072b2",
            SiteStatus.UNDER_NEGOTIATION, "#e69f00",
            SiteStatus.AGREED, "#009e73",
            SiteStatus.IN_USE, "#cc79a7",
            SiteStatus.CLOSED, "#000000",
            SiteStatus.DROPPED, "#d55e00");

    /** The radius of a point and the distance between points around one municipality's centre, in map units (~100 m). */
    static final double RADIUS = 20;
    private static final double SPACING = 2.6 * RADIUS;

    /** One site on the map, at {@code x, y} in the map's units; {@code exact} when its own point is known. */
    record Marker(long id, String name, String municipality, SiteStatus status, double x, double y, boolean exact) {

        public String colour() {
            return COLOURS.get(status);
        }

        public String cx() {
            return String.valueOf(Math.round(x));
        }

        public String cy() {
            return String.valueOf(Math.round(y));
        }
    }

    record View(String viewBox, String outlines, List<Marker> markers) {
    }

    private final NationalMap map;
    private final MunicipalityRegistry registry;
    private volatile String outlines;

    SiteMap(NationalMap map, MunicipalityRegistry registry) {
        this.map = map;
        this.registry = registry;
    }

    View of(List<TemporarySite> sites) {
        var markers = new ArrayList<Marker>();
        var aroundCentre = new HashMap<String, Integer>();
        for (var site : sites) {
            var name = registry.find(site.municipality()).map(m -> m.name()).orElse(site.municipality().value());
            if (site.hasPoint()) {
                var point = map.project(new GeoPoint(site.latitude().doubleValue(), site.longitude().doubleValue()));
                markers.add(new Marker(site.id(), site.name(), name, site.status(), point.x(), point.y(), true));
                continue;
            }
            var centre = map.centre(site.municipality());
            if (centre.isEmpty()) {
                continue;
            }
            var point = map.project(centre.get());
            // The n-th site without a point in a municipality goes round its centre on a spiral, so none hides another.
            int n = aroundCentre.merge(site.municipality().value(), 1, Integer::sum) - 1;
            double angle = n * 2.4, distance = n == 0 ? 0 : SPACING * Math.sqrt(n);
            markers.add(new Marker(site.id(), site.name(), name, site.status(), point.x() + distance * Math.cos(angle),
                    point.y() + distance * Math.sin(angle), false));
        }
        return new View(map.viewBox(), outlines(), List.copyOf(markers));
    }

    /** The outlines of every municipality as one decorative SVG group, drawn once: the division changes by migration only. */
    private String outlines() {
        var drawn = outlines;
        if (drawn == null) {
            var svg = new StringBuilder("<g class=\"outlines\" aria-hidden=\"true\">");
            for (var area : map.choropleth(Map.of(), value -> "").areas()) {
                svg.append("<path d=\"").append(HtmlUtils.htmlEscape(area.path())).append("\"/>");
            }
            drawn = svg.append("</g>").toString();
            outlines = drawn;
        }
        return drawn;
    }
}
