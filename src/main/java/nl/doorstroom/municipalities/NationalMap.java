package nl.doorstroom.municipalities;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;

import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/**
 * Draws the municipalities of the country coloured by a figure (a choropleth). Any module can
 * colour the map by its own figure, for example realisation of the quota.
 */
@Service
public class NationalMap {

    /** Five sequential classes (ColorBrewer "Blues"), light to dark. */
    static final List<String> PALETTE = List.of("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c");

    /** One municipality on the map: its outline, value (may be null: no figure) and colour class. */
    public record Area(MunicipalityCode code, String name, String path, Double value, String label, int colourClass) {

        public String fill() {
            return colourClass < 0 ? "#d9d9d9" : PALETTE.get(colourClass);
        }
    }

    /** One class of the legend: values from {@code lower} up to {@code upper}. */
    public record LegendClass(int index, String colour, String lower, String upper) {
    }

    public record MapView(String viewBox, List<Area> areas, List<LegendClass> legend) {
    }

    /** A place on earth in WGS84 degrees. */
    public record GeoPoint(double latitude, double longitude) {
    }

    /** A place on the drawn map, in the units of its view box (about 100 m each). */
    public record MapPoint(double x, double y) {
    }

    private final MunicipalityRegistry registry;
    private final Boundaries.Outlines outlines;

    NationalMap(MunicipalityRegistry registry) {
        this.registry = registry;
        try (var in = new ClassPathResource("reference/municipalities-nl-2024.topojson").getInputStream()) {
            this.outlines = Boundaries.read(in);
        }
        catch (IOException e) {
            throw new UncheckedIOException("The shipped municipal boundaries cannot be read", e);
        }
    }

    /**
     * Colours every municipality by its value in quantile classes, so that each colour holds about
     * as many municipalities.
     *
     * @param format writes a value for labels and the legend, in the reader's language
     */
    public MapView choropleth(Map<MunicipalityCode, ? extends Number> values, DoubleFunction<String> format) {
        var sorted = values.values().stream().mapToDouble(Number::doubleValue).sorted().toArray();
        return draw(values, format, quantileBreaks(sorted, PALETTE.size()), sorted.length > 0);
    }

    /**
     * Colours every municipality by fixed class limits, for figures whose limits mean something,
     * such as realisation of the quota (below 30%, … , 100% and more).
     *
     * @param breaks six ascending limits: the lowest value, the four limits between the five classes, and the highest
     */
    public MapView choropleth(Map<MunicipalityCode, ? extends Number> values, DoubleFunction<String> format,
            double[] breaks) {
        if (breaks.length != PALETTE.size() + 1) {
            throw new IllegalArgumentException("Five classes need six limits");
        }
        return draw(values, format, breaks.clone(), true);
    }

    private MapView draw(Map<MunicipalityCode, ? extends Number> values, DoubleFunction<String> format, double[] breaks,
            boolean withLegend) {
        var areas = new ArrayList<Area>();
        for (var municipality : registry.all()) {
            var path = outlines.paths().get(municipality.code());
            if (path == null) {
                continue;
            }
            var number = values.get(municipality.code());
            Double value = number == null ? null : number.doubleValue();
            areas.add(new Area(municipality.code(), municipality.name(), path, value,
                    value == null ? null : format.apply(value), value == null ? -1 : classOf(value, breaks)));
        }
        var legend = new ArrayList<LegendClass>();
        for (int i = 0; i < breaks.length - 1 && withLegend; i++) {
            legend.add(new LegendClass(i, PALETTE.get(i), format.apply(breaks[i]), format.apply(breaks[i + 1])));
        }
        return new MapView(outlines.viewBox(), List.copyOf(areas), List.copyOf(legend));
    }

    /** The view box of every map drawn here, for a layer of its own (such as points) on top of the outlines. */
    public String viewBox() {
        return outlines.viewBox();
    }

    /** Where a place lies on the drawn map: the same projection as the outlines. */
    public MapPoint project(GeoPoint place) {
        var xy = outlines.project(place.latitude(), place.longitude());
        return new MapPoint(xy[0], xy[1]);
    }

    /**
     * The centroid of a municipality's largest part (its mainland, for one with islands), in degrees:
     * where something known only by its municipality is drawn. Empty for a code without an outline.
     */
    public java.util.Optional<GeoPoint> centre(MunicipalityCode municipality) {
        var centroid = outlines.centroids().get(municipality);
        if (centroid == null) {
            return java.util.Optional.empty();
        }
        var degrees = outlines.unproject(centroid[0], centroid[1]);
        return java.util.Optional.of(new GeoPoint(degrees[0], degrees[1]));
    }

    /** Class limits at the quantiles: {@code classes + 1} ascending numbers from min to max. */
    static double[] quantileBreaks(double[] sortedValues, int classes) {
        if (sortedValues.length == 0) {
            return new double[0];
        }
        var breaks = new double[classes + 1];
        for (int i = 0; i <= classes; i++) {
            int index = (int) Math.round((double) i / classes * (sortedValues.length - 1));
            breaks[i] = sortedValues[index];
        }
        return breaks;
    }

    static int classOf(double value, double[] breaks) {
        for (int i = 1; i < breaks.length - 1; i++) {
            if (value < breaks[i]) {
                return i - 1;
            }
        }
        return breaks.length - 2;
    }
}
