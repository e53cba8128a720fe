package nl.doorstroom.governance;

import java.util.ArrayList;
import java.util.List;

import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The templates of the table's letters to sets of municipalities: several, each with a name, a subject and a body
 * whose {@code {{placeholders}}} are checked when saved (an unknown one is refused, named). The table's national
 * members keep them ({@link TableLetterWriters#KEEPERS}); every writer reads them.
 */
@Service
public class TableLetterTemplates {

    /** The placeholders a subject or body may use, written {@code {{name}}}; {@link #placeholderMessageKey} explains each. */
    public static final List<String> PLACEHOLDERS = TableLetterText.NAMES;

    private final StoredTableLetters stored;
    private final AuditTrail audit;

    TableLetterTemplates(StoredTableLetters stored, AuditTrail audit) {
        this.stored = stored;
        this.audit = audit;
    }

    public static String placeholderMessageKey(String placeholder) {
        return TableLetterText.messageKey(placeholder);
    }

    /** Every template, by name, for a writer. */
    @Transactional(readOnly = true)
    public List<TableLetterTemplate> templates() {
        TableLetterWriters.requireWriter();
        return stored.templates();
    }

    /** A template, for a writer. */
    @Transactional(readOnly = true)
    public TableLetterTemplate template(long id) {
        TableLetterWriters.requireWriter();
        return stored.template(id).orElseThrow(() -> new java.util.NoSuchElementException("No letter template " + id));
    }

    /**
     * Adds a template.
     *
     * @throws InvalidInput with every problem of the name, subject and body
     */
    @Transactional
    public TableLetterTemplate add(String name, String subject, String body) {
        TableLetterWriters.requireKeeper();
        check(name, subject, body, null);
        long id = stored.insert(name.strip(), subject.strip(), body.strip(), CurrentUser.actor());
        audit.recordChange("table-letter-template.added", "table-letter-template", id, "version=0");
        return stored.template(id).orElseThrow();
    }

    /**
     * Replaces a template, based on the version read.
     *
     * @throws InvalidInput with every problem of the name, subject and body
     * @throws EditConflict when the template changed since it was read
     */
    @Transactional
    public TableLetterTemplate change(long id, int expectedVersion, String name, String subject, String body) {
        TableLetterWriters.requireKeeper();
        if (stored.template(id).isEmpty()) {
            throw new java.util.NoSuchElementException("No letter template " + id);
        }
        check(name, subject, body, id);
        if (!stored.update(id, expectedVersion, name.strip(), subject.strip(), body.strip(), CurrentUser.actor())) {
            throw new EditConflict("letter template " + id);
        }
        audit.recordChange("table-letter-template.changed", "table-letter-template", id,
                "version=" + (expectedVersion + 1));
        return stored.template(id).orElseThrow();
    }

    private void check(String name, String subject, String body, Long self) {
        var problems = new ArrayList<>(TableLetterText.problems(name, subject, body));
        if (name != null && !name.isBlank() && stored.nameTaken(name.strip(), self)) {
            problems.add(Problem.of(TableLetterText.NAME, "governance.letter.template.name.taken", name.strip()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }
}
