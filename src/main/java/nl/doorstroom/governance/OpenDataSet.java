package nl.doorstroom.governance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import nl.doorstroom.shared.HalfYear;

/**
 * The open figures of every municipality in a half-year as they stood on the reference date.
 *
 * @param referenceDate the date the figures are as of (peildatum)
 * @param placesDate the date the reception places are counted on: the half-year's last day, or the reference
 *        date while the half-year runs
 * @param synthetic whether the figures are the synthetic demo's rather than real ones
 */
public record OpenDataSet(HalfYear period, LocalDate referenceDate, LocalDate placesDate, boolean synthetic,
        List<OpenDataRow> rows) {

    /**
     * A row's values in the order of {@link OpenDataColumn#ALL}: the one place that lines the files up with the
     * data dictionary. Each cell is a String, a Number, a LocalDate, a Boolean or null.
     */
    public List<Object> cells(OpenDataRow row) {
        var cells = new ArrayList<Object>(OpenDataColumn.ALL.size());
        cells.add(referenceDate);
        cells.add(period.toString());
        cells.add(row.municipalityCode());
        cells.add(row.municipalityName());
        cells.add(row.provinceCode());
        cells.add(row.provinceName());
        cells.add(row.quota());
        cells.add(row.carryOver());
        cells.add(row.correctedQuota());
        cells.add(row.housed());
        cells.add(row.shortfall());
        cells.add(row.realisationPercent());
        cells.add(row.assessmentColour());
        cells.add(row.assessmentFinal());
        cells.add(row.coaReceptionPlaces());
        cells.add(row.municipalReceptionPlaces());
        cells.add(row.commitmentsDecided());
        cells.add(row.commitmentsKept());
        cells.add(synthetic);
        return cells;
    }
}
