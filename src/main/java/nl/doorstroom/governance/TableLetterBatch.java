package nl.doorstroom.governance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;

/**
 * A generated set of letters, kept with the PDF: one letter per municipality from one version of a template.
 *
 * @param province the province of every municipality addressed, or null when they lie in several
 * @param synthetic whether the figures in it are the synthetic demo's
 */
public record TableLetterBatch(long id, LocalDate letterDate, long templateId, String templateName,
        int templateVersion, List<MunicipalityCode> municipalities, ProvinceCode province, boolean synthetic,
        String createdBy, Instant createdAt) {
}
