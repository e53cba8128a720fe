package nl.doorstroom.permitholders;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import nl.doorstroom.shared.MunicipalityCode;

/** A household in a list: enough to find it and see whether it is overdue. */
public record HouseholdRow(long id, String reference, int persons, String region, String location,
        LocalDate permitDate, Stage stage, LocalDate stageSince, LocalDate stageDue, MunicipalityCode municipality,
        LocalDate harSince) {

    public long daysInStage(LocalDate today) {
        return Math.max(0, ChronoUnit.DAYS.between(stageSince, today));
    }

    public long daysOverdue(LocalDate today) {
        return stageDue == null || !today.isAfter(stageDue) ? 0 : ChronoUnit.DAYS.between(stageDue, today);
    }

    public boolean pastFourteenWeeks(LocalDate today) {
        return stage.inReception() && today.isAfter(Norms.fourteenWeeksAfter(permitDate));
    }

    public HarStatus harStatus(LocalDate today) {
        return stage == Stage.HAR ? HarStatus.of(harSince, today) : HarStatus.NONE;
    }
}
