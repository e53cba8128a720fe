package nl.doorstroom.sites.web;

import java.util.LinkedHashMap;
import java.util.Map;

import nl.doorstroom.sites.SiteForm;
import nl.doorstroom.sites.SiteStatus;
import nl.doorstroom.sites.TemporarySite;
import org.springframework.util.MultiValueMap;

/**
 * The site form as typed: every field as text by its name ({@link SiteForm#FIELDS}, and the status a new
 * site starts in). Shown again as it was after a refusal, so that nothing typed is lost.
 */
record SiteInput(Map<String, String> values) {

    static SiteInput empty() {
        var values = new LinkedHashMap<String, String>();
        SiteForm.FIELDS.forEach(f -> values.put(f, ""));
        values.put(SiteForm.STATUS, SiteStatus.IDENTIFIED.name());
        values.put(SiteForm.STATUS_SINCE, "");
        return new SiteInput(values);
    }

    static SiteInput of(TemporarySite site) {
        return new SiteInput(new LinkedHashMap<>(site.form().values()));
    }

    static SiteInput from(MultiValueMap<String, String> params) {
        var values = new LinkedHashMap<String, String>();
        for (var field : SiteForm.FIELDS) {
            var value = params.getFirst(field);
            values.put(field, value == null ? "" : value);
        }
        for (var field : java.util.List.of(SiteForm.STATUS, SiteForm.STATUS_SINCE)) {
            var value = params.getFirst(field);
            values.put(field, value == null ? "" : value);
        }
        return new SiteInput(values);
    }

    /** The text of a field ("" when none), for the form and for {@link nl.doorstroom.sites.SiteText}. */
    public String get(String field) {
        return values.getOrDefault(field, "");
    }
}
