package nl.doorstroom.governance;

import java.util.List;

/**
 * One column of the open data set, as the data dictionary describes it: its name in the files, its type and unit,
 * and keys of its definition, source and legal basis in the {@code i18n/governance-letters} bundle (Dutch and
 * English).
 *
 * @param unit {@code persons}, {@code places}, {@code commitments}, {@code percent}, or null for none
 * @param source {@code quota}, {@code progress}, {@code reception}, {@code coordination}, {@code municipalities},
 *        or {@code doorstroom}
 * @param legalBasis a key under {@code governance.opendata.legal.}, or null where no rule of law defines it
 */
public record OpenDataColumn(String name, String type, String unit, String source, String legalBasis) {

    /** Every column, in the order of the files. */
    public static final List<OpenDataColumn> ALL = List.of(
            new OpenDataColumn("reference_date", "date", null, "doorstroom", null),
            new OpenDataColumn("period", "string", null, "quota", "halfYear"),
            new OpenDataColumn("municipality_code", "string", null, "municipalities", null),
            new OpenDataColumn("municipality_name", "string", null, "municipalities", null),
            new OpenDataColumn("province_code", "string", null, "municipalities", null),
            new OpenDataColumn("province_name", "string", null, "municipalities", null),
            new OpenDataColumn("quota", "integer", "persons", "quota", "quota"),
            new OpenDataColumn("carry_over", "integer", "persons", "progress", "carryOver"),
            new OpenDataColumn("corrected_quota", "integer", "persons", "progress", "carryOver"),
            new OpenDataColumn("housed", "integer", "persons", "progress", "housed"),
            new OpenDataColumn("shortfall", "integer", "persons", "progress", "carryOver"),
            new OpenDataColumn("realisation_percent", "decimal", "percent", "progress", null),
            new OpenDataColumn("assessment_colour", "string", null, "progress", "supervision"),
            new OpenDataColumn("assessment_final", "boolean", null, "progress", "supervision"),
            new OpenDataColumn("coa_reception_places", "integer", "places", "reception", null),
            new OpenDataColumn("municipal_reception_places", "integer", "places", "reception", "distribution"),
            new OpenDataColumn("commitments_decided", "integer", "commitments", "coordination", null),
            new OpenDataColumn("commitments_kept", "integer", "commitments", "coordination", null),
            new OpenDataColumn("synthetic", "boolean", null, "doorstroom", null));

    /** The names of every column, in order. */
    public static List<String> names() {
        return ALL.stream().map(OpenDataColumn::name).toList();
    }

    /** The key of the column's definition. */
    public String definitionKey() {
        return "governance.opendata.column." + name;
    }

    public String unitKey() {
        return unit == null ? "governance.opendata.unit.none" : "governance.opendata.unit." + unit;
    }

    public String sourceKey() {
        return "governance.opendata.source." + source;
    }

    public String legalBasisKey() {
        return legalBasis == null ? "governance.opendata.legal.none" : "governance.opendata.legal." + legalBasis;
    }

    /** The column's name as a JSON field: {@code municipality_code} becomes {@code municipalityCode}. */
    public String jsonName() {
        var out = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '_') {
                upper = true;
            }
            else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
