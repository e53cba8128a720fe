package nl.doorstroom.progress;

import java.time.YearMonth;

import nl.doorstroom.shared.MunicipalityCode;

/** Permit holders housed by one municipality in one month. */
public record MonthlyFigure(MunicipalityCode municipality, YearMonth month, int persons) {
}
