package nl.doorstroom.progress.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;

/** Reads the date and codes of progress requests, for the pages, downloads and the API alike. */
final class ProgressRequests {

    private ProgressRequests() {
    }

    /** The reference date asked for: today when none; a problem when it is unreadable, in the future or before 2000. */
    static LocalDate parseDate(String date) {
        var today = LocalDate.now(AuditTrail.ZONE);
        if (date == null || date.isBlank()) {
            return today;
        }
        LocalDate parsed;
        try {
            parsed = LocalDate.parse(date.strip());
        }
        catch (DateTimeParseException e) {
            throw InvalidInput.of("date", "progress.date.invalid", date);
        }
        if (parsed.isAfter(today)) {
            throw InvalidInput.of("date", "progress.date.future", parsed.toString());
        }
        if (parsed.getYear() < 2000) {
            throw InvalidInput.of("date", "progress.date.tooEarly", parsed.toString());
        }
        return parsed;
    }

    static Optional<MunicipalityCode> parseCode(String code) {
        try {
            return Optional.of(MunicipalityCode.parse(code));
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Optional<ProvinceCode> parseProvince(String code) {
        try {
            return Optional.of(ProvinceCode.of(code.toUpperCase(Locale.ROOT)));
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
