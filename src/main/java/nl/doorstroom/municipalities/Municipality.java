package nl.doorstroom.municipalities;

import java.math.BigDecimal;

import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;

/**
 * A municipality of the current division (2024: 342).
 *
 * @param coaRegion the code of the COA linking region it belongs to
 */
public record Municipality(MunicipalityCode code, String name, ProvinceCode province, String provinceName,
        String seat, BigDecimal areaKm2, String coaRegion) {
}
