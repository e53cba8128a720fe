package nl.doorstroom.permitholders.web;

import nl.doorstroom.shared.FieldProblems;
import java.util.List;
import java.util.Map;

import nl.doorstroom.shared.InvalidInput.Problem;

/**
 * The step forms of a household's page (link, cancel the link, offer, HAR placement, move in) as the
 * page shows them: empty with today's date, or, after a refused step, as the user typed it with each
 * problem next to its field.
 *
 * @param failed the form that was refused, or null
 * @param typed what the user typed in that form
 * @param conflict whether it was refused because someone else changed the household first
 */
record StepForms(String failed, Map<String, String> typed, FieldProblems problems, boolean conflict, String today) {

    /** The fields of each form: a problem of any other field (such as the stage) shows above the form. */
    static final Map<String, List<String>> FIELDS = Map.of(
            "link", List.of("municipality", "occurredOn"),
            "cancel", List.of("reason", "note", "occurredOn"),
            "offer", List.of("occurredOn", "district", "rooms"),
            "har", List.of("occurredOn", "place"),
            "moveIn", List.of("occurredOn", "district", "rooms"));

    StepForms {
        typed = typed == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(typed));
        problems = problems == null ? FieldProblems.NONE : problems;
    }

    public String value(String form, String field) {
        if (form.equals(failed)) {
            return typed.getOrDefault(field, "");
        }
        return "occurredOn".equals(field) ? today : "";
    }

    public boolean refused(String form) {
        return form.equals(failed);
    }

    public List<Problem> of(String form, String field) {
        return form.equals(failed) ? problems.of(field) : List.of();
    }

    public boolean invalid(String form, String field) {
        return form.equals(failed) && problems.has(field);
    }

    /** The problems of the form that belong to none of its fields. */
    public List<Problem> general(String form) {
        return form.equals(failed) ? problems.besides(FIELDS.getOrDefault(form, List.of())) : List.of();
    }

    /** What the user typed, when it was refused for a conflict: shown whatever the household's stage now. */
    public Map<String, String> conflictInput() {
        return conflict ? typed : Map.of();
    }
}
