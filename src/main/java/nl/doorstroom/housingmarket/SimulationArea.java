package nl.doorstroom.housingmarket;

import java.util.Locale;
import java.util.Objects;

import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;

/**
 * The area a simulation covers: one municipality, one province (its municipalities together) or the nation, written
 * as its code: {@code GM0344}, {@code PV26} or {@code NL}.
 */
public record SimulationArea(Kind kind, String code) {

    public enum Kind {
        MUNICIPALITY, PROVINCE, NATION
    }

    public SimulationArea {
        Objects.requireNonNull(kind, "kind");
        switch (kind) {
            case MUNICIPALITY -> code = MunicipalityCode.of(code).value();
            case PROVINCE -> code = ProvinceCode.of(code).value();
            case NATION -> code = "NL";
        }
    }

    public static SimulationArea nation() {
        return new SimulationArea(Kind.NATION, "NL");
    }

    public static SimulationArea of(MunicipalityCode municipality) {
        return new SimulationArea(Kind.MUNICIPALITY, municipality.value());
    }

    public static SimulationArea of(ProvinceCode province) {
        return new SimulationArea(Kind.PROVINCE, province.value());
    }

    /** Reads {@code GM0344}, {@code PV26} or {@code NL}; refuses anything else. */
    public static SimulationArea parse(String text) {
        var code = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        if (code.equals("NL")) {
            return nation();
        }
        if (code.startsWith("PV")) {
            return new SimulationArea(Kind.PROVINCE, code);
        }
        return new SimulationArea(Kind.MUNICIPALITY, MunicipalityCode.parse(code).value());
    }

    public MunicipalityCode municipality() {
        return kind == Kind.MUNICIPALITY ? MunicipalityCode.of(code) : null;
    }

    public ProvinceCode province() {
        return kind == Kind.PROVINCE ? ProvinceCode.of(code) : null;
    }

    @Override
    public String toString() {
        return code;
    }
}
