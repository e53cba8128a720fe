package nl.doorstroom.supervision;

import nl.doorstroom.shared.ProvinceCode;

/**
 * The text a province sends for a kind of case document, with {@code {{placeholders}}} that Doorstroom fills
 * from the case ({@link LetterTemplates#PLACEHOLDERS}).
 *
 * @param isDefault whether this is the text shipped with Doorstroom, because the province has none of its own
 * @param version the version to base a change on; -1 for the default text
 */
public record LetterTemplate(ProvinceCode province, DocumentKind kind, String body, boolean isDefault, int version) {
}
