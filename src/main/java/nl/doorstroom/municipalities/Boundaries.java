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

    /** The SVG outline of every municipality, and the view box that holds them all. */
    record Outlines(Map<MunicipalityCode, String> paths, String viewBox) {
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
            for (var polygon : polygons) {
                for (var ring : polygon) {
                    appendRing(path, ring(ring, arcs), minX, minY);
                }
            }
            paths.put(code, path.toString());
        }
        var viewBox = "0 0 " + Math.round(maxX - minX) + " " + Math.round(maxY - minY);
        return new Outlines(Map.copyOf(paths), viewBox);
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
