package nl.doorstroom.governance;

import java.time.Instant;

/**
 * A template of the table's letter to a set of municipalities: a subject and a body with {@code {{placeholders}}}
 * that are filled with each municipality's figures ({@link TableLetterTemplates#PLACEHOLDERS}).
 *
 * @param version the version to base a change on; a change based on an older one is refused
 */
public record TableLetterTemplate(long id, String name, String subject, String body, int version, String changedBy,
        Instant changedAt) {
}
