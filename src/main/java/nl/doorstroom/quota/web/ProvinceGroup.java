package nl.doorstroom.quota.web;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.Province;

/**
 * The municipalities of one province for an {@code <optgroup>} of a select, by name. Grouped here
 * and not in the template: 342 municipalities filtered per province in the page would write the
 * whitespace of every skipped option into it.
 */
record ProvinceGroup(String name, List<Municipality> municipalities) {

    static List<ProvinceGroup> of(List<Province> provinces, List<Municipality> municipalities) {
        var byName = Comparator.comparing(Municipality::name, Collator.getInstance(Locale.forLanguageTag("nl")));
        return provinces.stream()
                .map(p -> new ProvinceGroup(p.name(), municipalities.stream()
                        .filter(m -> m.province().equals(p.code())).sorted(byName).toList()))
                .filter(g -> !g.municipalities().isEmpty())
                .toList();
    }
}
