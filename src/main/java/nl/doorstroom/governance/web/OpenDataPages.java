package nl.doorstroom.governance.web;

import java.util.List;
import java.util.Locale;

import nl.doorstroom.documents.TableExport;
import nl.doorstroom.governance.OpenDataColumn;
import nl.doorstroom.governance.OpenDataFigures;
import nl.doorstroom.shared.FieldProblems;
import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.InvalidInput;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The open data page (what the set holds, its data dictionary, the downloads per half-year) and the downloads as
 * CSV and JSON. Every signed-in user: the figures are aggregates without personal data.
 */
@Controller
class OpenDataPages {

    private final OpenDataFigures figures;
    private final OpenDataFiles files;

    OpenDataPages(OpenDataFigures figures, OpenDataFiles files) {
        this.figures = figures;
        this.files = files;
    }

    @GetMapping("/open-data")
    String page(@RequestParam(required = false) String period, Model model) {
        var periods = figures.periods();
        HalfYear chosen = null;
        var errors = FieldProblems.NONE;
        try {
            chosen = OpenDataFigures.period(period);
            if (!periods.contains(chosen)) {
                errors = new FieldProblems(List.of(InvalidInput.Problem.of("period",
                        "governance.opendata.period.notListed", chosen.toString())));
                chosen = null;
            }
        }
        catch (InvalidInput e) {
            errors = new FieldProblems(e.problems());
        }
        if (chosen == null && !periods.isEmpty()) {
            chosen = periods.get(periods.size() - 1);
        }
        var newestFirst = new java.util.ArrayList<>(periods);
        java.util.Collections.reverse(newestFirst);
        model.addAttribute("periods", newestFirst);
        model.addAttribute("period", chosen == null ? null : chosen.toString());
        model.addAttribute("errors", errors);
        model.addAttribute("referenceDate", OpenDataFigures.today());
        model.addAttribute("columns", OpenDataColumn.ALL);
        return "governance/open-data";
    }

    @GetMapping("/open-data/figures.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String period, Locale locale) {
        var set = figures.figures(OpenDataFigures.period(period));
        return OpenDataFiles.named(TableExport.CSV, set, "csv", true, files.csv(set, locale));
    }

    @GetMapping("/open-data/figures.json")
    ResponseEntity<OpenDataFiles.Figures> json(@RequestParam(required = false) String period, Locale locale) {
        var set = figures.figures(OpenDataFigures.period(period));
        return OpenDataFiles.named(MediaType.APPLICATION_JSON, set, "json", true, files.json(set, locale));
    }
}
