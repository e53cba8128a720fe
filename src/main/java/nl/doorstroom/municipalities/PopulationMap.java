package nl.doorstroom.municipalities;

import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import nl.doorstroom.municipalities.NationalMap.MapView;
import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.stereotype.Service;

/**
 * The national map coloured by a population figure of one version. A version never changes, so
 * each map is drawn once per figure, version and language and then kept.
 */
@Service
public class PopulationMap {

    public enum Figure {
        POPULATION, DENSITY
    }

    private record Key(Figure figure, long version, Locale locale) {
    }

    private final NationalMap map;
    private final Populations populations;
    private final MunicipalityRegistry registry;
    private final Map<Key, MapView> drawn = new ConcurrentHashMap<>();

    PopulationMap(NationalMap map, Populations populations, MunicipalityRegistry registry) {
        this.map = map;
        this.populations = populations;
        this.registry = registry;
    }

    public MapView of(Figure figure, long versionId, Locale locale) {
        return drawn.computeIfAbsent(new Key(figure, versionId, locale), key -> draw(key));
    }

    /** The figure per municipality: inhabitants, or inhabitants per km² of land. */
    public Map<MunicipalityCode, Double> values(Figure figure, long versionId) {
        var figures = populations.figures(versionId);
        var values = new HashMap<MunicipalityCode, Double>();
        for (var municipality : registry.all()) {
            var population = figures.get(municipality.code());
            if (population == null) {
                continue;
            }
            values.put(municipality.code(), figure == Figure.POPULATION ? population.doubleValue()
                    : population / municipality.areaKm2().doubleValue());
        }
        return values;
    }

    private MapView draw(Key key) {
        var format = NumberFormat.getIntegerInstance(key.locale());
        format.setRoundingMode(RoundingMode.HALF_UP);
        return map.choropleth(values(key.figure(), key.version()), value -> format.format(value));
    }
}
