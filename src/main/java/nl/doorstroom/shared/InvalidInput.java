package nl.doorstroom.shared;

import java.util.List;

/**
 * Input that breaks a rule, with every problem found (field or row and column, and why), so that
 * the user can fix all of them at once.
 */
public class InvalidInput extends RuntimeException {

    /**
     * One problem: where it is ({@code row} is 0 when the problem is not in a row of a file) and why.
     * {@code messageKey} names the message in the bundles; {@code arguments} (strings and numbers) fill it in.
     * Serializable, so that a page can show it after a redirect (sessions are stored in the database).
     */
    public record Problem(int row, String field, String messageKey, List<Object> arguments) implements java.io.Serializable {

        public static Problem of(String field, String messageKey, Object... arguments) {
            return new Problem(0, field, messageKey, List.of(arguments));
        }

        public static Problem atRow(int row, String field, String messageKey, Object... arguments) {
            return new Problem(row, field, messageKey, List.of(arguments));
        }
    }

    private final List<Problem> problems;

    public InvalidInput(List<Problem> problems) {
        super(problems.size() + " problem(s) in the input");
        this.problems = List.copyOf(problems);
    }

    public static InvalidInput of(String field, String messageKey, Object... arguments) {
        return new InvalidInput(List.of(Problem.of(field, messageKey, arguments)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
