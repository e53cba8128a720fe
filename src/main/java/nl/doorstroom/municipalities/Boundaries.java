package nl.doorstroom.municipalities;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.doorstroom.shared.MunicipalityCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The municipal boundaries of 2024 (CBS/PDOK, CC-BY 4.0) as SVG path data, projected once. The
 * TopoJSON holds quantised, delta-encoded arcs shared between neighbours; each municipality's rings
 * are stitched from them and drawn in a plane where one unit is about 100 m.
 */
final class Boundaries {

    /**
     * The SVG outline of every municipality, the view box that holds them all, the centroid of each
     * municipality's largest part (in view-box units), and the offset of the view box in the projected
     * plane, so that a place given in degrees can be drawn on the same map.
     */
    record Outlines(Map<MunicipalityCode, String> paths, String viewBox, Map<MunicipalityCode, double[]> centroids,
            double minX, double minY) {

        /** A place in WGS84 degrees, in view-box units. */
        double[] project(double latitude, double longitude) {
            return new double[] { longitude * LONGITUDE_SCALE * UNITS_PER_DEGREE - minX,
                    -latitude * UNITS_PER_DEGREE - minY };
        }

        /** A point in view-box units, in WGS84 degrees (latitude, longitude). */
        double[] unproject(double x, double y) {
            return new double[] { -(y + minY) / UNITS_PER_DEGREE, (x + minX) / (LONGITUDE_SCALE * UNITS_PER_DEGREE) };
        }
    }

    // Equirectangular projection with the scale of longitude corrected at 52.2°N, the middle of
    // the country: enough for a national overview map (distortion below 1% across the country).
    private static final double LONGITUDE_SCALE = Math.cos(Math.toRadians(52.2));
    private static final double UNITS_PER_DEGREE = 1000.0;

    private Boundaries() {
    }

    static Outlines read(InputStream topoJson) throws IOException {
        JsonNode root = JsonMapper.builder().build().readTree(topoJson);
        var scale = root.path("transform").path("scale");
        var translate = root.path("transform").path("translate");
        double sx = scale.get(0).asDouble(), sy = scale.get(1).asDouble();
        double tx = translate.get(0).asDouble(), ty = translate.get(1).asDouble();

        var arcs = new ArrayList<double[][]>();
        for (var arc : root.path("arcs")) {
            var points = new double[arc.size()][2];
            long x = 0, y = 0;
            for (int i = 0; i < arc.size(); i++) {
                x += arc.get(i).get(0).asLong();
                y += arc.get(i).get(1).asLong();
                points[i][0] = (x * sx + tx) * LONGITUDE_SCALE * UNITS_PER_DEGREE;
                points[i][1] = -(y * sy + ty) * UNITS_PER_DEGREE;
            }
            arcs.add(points);
        }

        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (var arc : arcs) {
            for (var p : arc) {
                minX = Math.min(minX, p[0]);
                minY = Math.min(minY, p[1]);
                maxX = Math.max(maxX, p[0]);
                maxY = Math.max(maxY, p[1]);
            }
        }
        var paths = new LinkedHashMap<MunicipalityCode, String>();
        var centroids = new LinkedHashMap<MunicipalityCode, double[]>();
        for (var geometry : root.path("objects").path("gemeente_2024").path("geometries")) {
            var code = MunicipalityCode.of(geometry.path("properties").path("statcode").asString());
            var polygons = new ArrayList<JsonNode>();
            if ("Polygon".equals(geometry.path("type").asString())) {
                polygons.add(geometry.path("arcs"));
            }
            else {
                geometry.path("arcs").forEach(polygons::add);
            }
            var path = new StringBuilder();
            double[] largest = null;
            for (var polygon : polygons) {
                var moments = new double[3];
                boolean exterior = true;
                for (var ring : polygon) {
                    var points = ring(ring, arcs);
                    appendRing(path, points, minX, minY);
                    addMoments(moments, points, minX, minY, exterior ? 1 : -1);
                    exterior = false;
                }
                if (moments[0] > 0 && (largest == null || moments[0] > largest[0])) {
                    largest = moments;
                }
            }
            paths.put(code, path.toString());
            if (largest != null) {
                centroids.put(code, new double[] { largest[1] / largest[0], largest[2] / largest[0] });
            }
        }
        var viewBox = "0 0 " + Math.round(maxX - minX) + " " + Math.round(maxY - minY);
        return new Outlines(Map.copyOf(paths), viewBox, Map.copyOf(centroids), minX, minY);
    }

    /**
     * Adds a ring's area and first moments (shoelace formula) to {@code moments} (area, x-moment,
     * y-moment): an outer ring adds, a hole ({@code sign} -1) subtracts, whichever way it winds.
     */
    private static void addMoments(double[] moments, List<double[]> points, double minX, double minY, int sign) {
        double area = 0, mx = 0, my = 0;
        for (int i = 0; i < points.size(); i++) {
            var p = points.get(i);
            var q = points.get((i + 1) % points.size());
            double x0 = p[0] - minX, y0 = p[1] - minY, x1 = q[0] - minX, y1 = q[1] - minY;
            double cross = x0 * y1 - x1 * y0;
            area += cross;
            mx += (x0 + x1) * cross;
            my += (y0 + y1) * cross;
        }
        area /= 2;
        mx /= 6;
        my /= 6;
        if (area < 0) {
            area = -area;
            mx = -mx;
            my = -my;
        }
        moments[0] += sign * area;
        moments[1] += sign * mx;
        moments[2] += sign * my;
    }

    private static List<double[]> ring(JsonNode arcIndices, List<double[][]> arcs) {
        var points = new ArrayList<double[]>();
        for (var index : arcIndices) {
            int i = index.asInt();
            var arc = arcs.get(i >= 0 ? i : ~i);
            int n = arc.length;
            for (int k = 0; k < n; k++) {
                if (k == 0 && !points.isEmpty()) {
                    continue;
                }
                points.add(i >= 0 ? arc[k] : arc[n - 1 - k]);
            }
        }
        return points;
    }

    /** Appends a ring in relative integer moves, skipping points that round onto the previous one. */
    private static void appendRing(StringBuilder path, List<double[]> points, double minX, double minY) {
        long px = 0, py = 0;
        boolean first = true;
        for (var p : points) {
            long x = Math.round(p[0] - minX), y = Math.round(p[1] - minY);
            if (first) {
                path.append('M').append(x).append(' ').append(y);
                first = false;
            }
            else if (x != px || y != py) {
                path.append('l').append(x - px).append(' ').append(y - py);
            }
            px = x;
            py = y;
        }
        path.append('z');
    }
}
