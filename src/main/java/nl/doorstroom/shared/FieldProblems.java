package nl.doorstroom.shared;

import java.util.Collection;
import java.util.List;

import nl.doorstroom.shared.InvalidInput.Problem;

/**
 * The problems of a form, so that each shows next to its field, and those of no field on the form
 * (such as the household's stage) above it.
 */
public record FieldProblems(List<Problem> all) {

    public static final FieldProblems NONE = new FieldProblems(List.of());

    public FieldProblems {
        all = all == null ? List.of() : List.copyOf(all);
    }

    public boolean has(String field) {
        return all.stream().anyMatch(p -> p.field().equals(field));
    }

    /** Whether a field of one row (of a form with rows, counted from 1) has a problem. */
    public boolean hasAt(int row, String field) {
        return all.stream().anyMatch(p -> p.row() == row && p.field().equals(field));
    }

    public List<Problem> of(String field) {
        return all.stream().filter(p -> p.field().equals(field)).toList();
    }

    /** The problems that belong to none of the given fields. */
    public List<Problem> besides(Collection<String> fields) {
        return all.stream().filter(p -> !fields.contains(p.field())).toList();
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }
}
