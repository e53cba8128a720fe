package nl.doorstroom.municipalities;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.doorstroom.identity.KnownAreas;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The municipalities and provinces of the country and which border which. The division changes
 * only by a migration (a merger is a new migration), so it is read once and kept in memory.
 */
@Service
public class MunicipalityRegistry implements KnownAreas {

    private record Division(List<Municipality> municipalities, Map<MunicipalityCode, Municipality> byCode,
            List<Province> provinces, Map<MunicipalityCode, List<MunicipalityCode>> neighbours) {
    }

    private final JdbcClient jdbc;
    private volatile Division division;

    MunicipalityRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** All municipalities, sorted by name. */
    public List<Municipality> all() {
        return division().municipalities();
    }

    /** Each municipality's name by its code, for pages and lists that show codes as names. */
    public java.util.Map<MunicipalityCode, String> names() {
        var names = new java.util.LinkedHashMap<MunicipalityCode, String>();
        all().forEach(m -> names.put(m.code(), m.name()));
        return names;
    }

    public Optional<Municipality> find(MunicipalityCode code) {
        return Optional.ofNullable(division().byCode().get(code));
    }

    public List<Municipality> inProvince(ProvinceCode province) {
        return all().stream().filter(m -> m.province().equals(province)).toList();
    }

    public List<Province> provinces() {
        return division().provinces();
    }

    public Optional<Province> province(ProvinceCode code) {
        return provinces().stream().filter(p -> p.code().equals(code)).findFirst();
    }

    /** The municipalities that share a border with this one, sorted by name. */
    public List<Municipality> neighboursOf(MunicipalityCode code) {
        return division().neighbours().getOrDefault(code, List.of()).stream()
                .map(division().byCode()::get)
                .sorted(Comparator.comparing(Municipality::name))
                .toList();
    }

    @Override
    public List<Area> provinceAreas() {
        return provinces().stream().map(p -> new Area(p.code().value(), p.name())).toList();
    }

    @Override
    public List<Area> municipalityAreas() {
        return all().stream().map(m -> new Area(m.code().value(), m.name())).toList();
    }

    @Override
    public boolean exists(ProvinceCode province) {
        return province(province).isPresent();
    }

    @Override
    public boolean exists(MunicipalityCode municipality) {
        return division().byCode().containsKey(municipality);
    }

    private Division division() {
        var loaded = division;
        if (loaded == null) {
            loaded = load();
            division = loaded;
        }
        return loaded;
    }

    private Division load() {
        var municipalities = jdbc.sql("""
                SELECT m.code, m.name, m.province_code, p.name AS province_name, m.seat, m.area_km2,
                       (SELECT r.code FROM region r JOIN region_member rm ON rm.region_id = r.id
                         WHERE r.kind = 'COA_LINKING' AND rm.municipality_code = m.code) AS coa_region
                FROM municipality m JOIN province p ON p.code = m.province_code
                ORDER BY m.name""")
                .query((rs, n) -> new Municipality(MunicipalityCode.of(rs.getString("code")), rs.getString("name"),
                        ProvinceCode.of(rs.getString("province_code")), rs.getString("province_name"),
                        rs.getString("seat"), rs.getBigDecimal("area_km2"), rs.getString("coa_region")))
                .list();
        var byCode = municipalities.stream().collect(Collectors.toUnmodifiableMap(Municipality::code,
                Function.identity()));
        var provinces = jdbc.sql("""
                SELECT p.code, p.name, count(m.code) AS n FROM province p
                LEFT JOIN municipality m ON m.province_code = p.code GROUP BY p.code, p.name ORDER BY p.name""")
                .query((rs, n) -> new Province(ProvinceCode.of(rs.getString("code")), rs.getString("name"),
                        rs.getInt("n")))
                .list();
        var neighbours = jdbc.sql("""
                SELECT code_a AS code, code_b AS other FROM municipality_neighbour
                UNION ALL SELECT code_b, code_a FROM municipality_neighbour""")
                .query((rs, n) -> Map.entry(MunicipalityCode.of(rs.getString("code")),
                        MunicipalityCode.of(rs.getString("other"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toUnmodifiableList())));
        return new Division(List.copyOf(municipalities), byCode, List.copyOf(provinces), Map.copyOf(neighbours));
    }
}
