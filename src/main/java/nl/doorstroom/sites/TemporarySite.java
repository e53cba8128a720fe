package nl.doorstroom.sites;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;

/**
 * A temporary site in the register, as it stands now.
 *
 * @param province the province of the site's municipality (from the register of municipalities)
 * @param statusSince the day the site reached its status
 * @param version the version to name in a change: a change based on an older one is refused
 * @param changedBy the account that made the last change
 */
public record TemporarySite(long id, SiteKind kind, String name, MunicipalityCode municipality, ProvinceCode province,
        String address, BigDecimal latitude, BigDecimal longitude, SiteOwner owner, int capacity,
        LocalDate availableFrom, LocalDate availableUntil, BigDecimal costPerNight, SiteStatus status,
        LocalDate statusSince, String contactPerson, String notes, int version, Instant changedAt, String changedBy) {

    public static final String DATE = "occurredOn";
    public static final String REASON = "reason";
    public static final int REASON_LENGTH = 500;

    /** The site's facts as a form: to fill the edit form, and to compare with a change. */
    public SiteForm form() {
        return new SiteForm(kind, name, municipality, address, latitude, longitude, owner, capacity, availableFrom,
                availableUntil, costPerNight, contactPerson, notes);
    }

    public boolean hasPoint() {
        return latitude != null && longitude != null;
    }

    /** Whether the site qualifies for the HAR on a day ({@link HarRule}). */
    public boolean qualifiesForHar(LocalDate on) {
        return HarRule.qualifies(this, on);
    }

    /**
     * Every problem with moving this site to {@code target} on {@code on}: the status line
     * ({@link SiteStatus}), a reason where one is needed, and a date that is neither in the future nor
     * before the site reached its current status.
     */
    List<Problem> problemsMovingTo(SiteStatus target, LocalDate on, String reason, LocalDate today) {
        var problems = new ArrayList<Problem>();
        if (target == null) {
            problems.add(Problem.of(SiteForm.STATUS, "site.status.missing"));
        }
        else if (!status.mayMoveTo(target)) {
            problems.add(Problem.of(SiteForm.STATUS, "site.status.notAllowed." + status.name()));
        }
        var text = reason == null ? "" : reason.strip();
        if (target != null && SiteStatus.needsReason(target) && text.isEmpty()) {
            problems.add(Problem.of(REASON, "site.reason.required"));
        }
        if (text.length() > REASON_LENGTH) {
            problems.add(Problem.of(REASON, "site.text.tooLong", REASON_LENGTH));
        }
        if (on == null) {
            problems.add(Problem.of(DATE, "site.date.missing"));
        }
        else if (on.isAfter(today)) {
            problems.add(Problem.of(DATE, "site.date.future", on.toString()));
        }
        else if (on.isBefore(statusSince)) {
            problems.add(Problem.of(DATE, "site.date.beforeStatusSince", on.toString(), statusSince.toString()));
        }
        return problems;
    }
}
