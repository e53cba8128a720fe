package nl.doorstroom.identity;

import java.util.List;

import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;

/**
 * The provinces and municipalities a scope may name. Provided by the module that owns them, so
 * that identity depends on no other module.
 */
public interface KnownAreas {

    record Area(String code, String name) {
    }

    List<Area> provinceAreas();

    List<Area> municipalityAreas();

    boolean exists(ProvinceCode province);

    boolean exists(MunicipalityCode municipality);
}
