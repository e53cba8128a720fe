package nl.doorstroom.housingmarket.web;

import java.util.List;
import java.util.Locale;

import nl.doorstroom.housingmarket.HousingStocks;
import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;

/**
 * The area a page or the API asks about: one municipality, one province, or the nation; without a choice, all the
 * reader may see (the nation, or the own province or municipality). A province or municipality outside the reader's
 * scope is left to the facade, which refuses it.
 *
 * @param kind NATION, PROVINCE or MUNICIPALITY
 * @param code the province or municipality code; empty for the nation
 */
record MarketArea(String kind, String code, String name, List<MunicipalityCode> municipalities) {

    static MarketArea resolve(String province, String municipality, MunicipalityRegistry registry, HousingStocks stocks) {
        boolean hasProvince = province != null && !province.isBlank();
        boolean hasMunicipality = municipality != null && !municipality.isBlank();
        if (hasProvince && hasMunicipality) {
            throw InvalidInput.of("municipality", "housingmarket.area.both");
        }
        if (hasMunicipality) {
            MunicipalityCode code;
            try {
                code = MunicipalityCode.parse(municipality);
            }
            catch (IllegalArgumentException e) {
                throw new InvalidInput(List.of(Problem.of("municipality", "housingmarket.municipality.unknown",
                        municipality.strip())));
            }
            var found = registry.find(code).orElseThrow(() -> InvalidInput.of("municipality",
                    "housingmarket.municipality.unknown", code.value()));
            return new MarketArea("MUNICIPALITY", code.value(), found.name(), List.of(code));
        }
        if (hasProvince) {
            var text = province.strip().toUpperCase(Locale.ROOT);
            ProvinceCode code;
            try {
                code = ProvinceCode.of(text);
            }
            catch (IllegalArgumentException e) {
                throw InvalidInput.of("province", "housingmarket.province.unknown", text);
            }
            var found = registry.province(code).orElseThrow(() -> InvalidInput.of("province",
                    "housingmarket.province.unknown", text));
            return new MarketArea("PROVINCE", code.value(), found.name(),
                    registry.inProvince(code).stream().map(Municipality::code).sorted().toList());
        }
        var readable = stocks.readableMunicipalities();
        if (readable.isPresent()) {
            var codes = readable.get().stream().sorted().toList();
            if (codes.size() == 1) {
                return new MarketArea("MUNICIPALITY", codes.get(0).value(),
                        registry.find(codes.get(0)).map(Municipality::name).orElse(codes.get(0).value()), codes);
            }
            var provinces = codes.stream().map(c -> registry.find(c).map(Municipality::province).orElse(null))
                    .distinct().toList();
            if (provinces.size() == 1 && provinces.get(0) != null) {
                var p = registry.province(provinces.get(0)).orElseThrow();
                return new MarketArea("PROVINCE", p.code().value(), p.name(), codes);
            }
            return new MarketArea("MUNICIPALITIES", "", "", codes);
        }
        // A corporation reads every municipality's market (its sums hold only its own rows), but starts with the
        // municipalities it serves rather than 342 rows that are mostly empty for it.
        var served = nl.doorstroom.identity.CurrentUser.get()
                .filter(u -> u.scope().kind() == nl.doorstroom.identity.ScopeKind.ORGANISATION)
                .map(u -> u.scope().municipalities().stream().sorted().toList());
        if (served.isPresent() && !served.get().isEmpty()) {
            return new MarketArea("MUNICIPALITIES", "", "", served.get());
        }
        return new MarketArea("NATION", "", "", registry.all().stream().map(Municipality::code).sorted().toList());
    }
}
