package nl.doorstroom.governance.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import nl.doorstroom.governance.OpenDataFigures;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The open data set over the API: every municipality's figures in a half-year, and the data dictionary. */
@RestController
@RequestMapping(path = "/api/v1/open-data", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Open data", description = "Geaggregeerde cijfers per gemeente en halfjaar (taakstelling, achterstand, "
        + "gecorrigeerde taakstelling, gehuisvest, tekort, opvangplekken, toezeggingen) zonder persoonsgegevens, met "
        + "peildatum ('referenceDate') en datawoordenboek. Voor iedere aangemelde gebruiker.")
class OpenDataApi {

    private final OpenDataFigures figures;
    private final OpenDataFiles files;

    OpenDataApi(OpenDataFigures figures, OpenDataFiles files) {
        this.figures = figures;
        this.files = files;
    }

    @GetMapping("/municipal-figures")
    @Operation(summary = "Cijfers per gemeente in een halfjaar (2026-H2, 2026-II of 2026-2; zonder: het lopende), "
            + "zoals ze op de peildatum (vandaag) staan")
    ResponseEntity<OpenDataFiles.Figures> municipalFigures(@RequestParam(required = false) String period,
            HttpServletRequest request) {
        var set = figures.figures(OpenDataFigures.period(period));
        return OpenDataFiles.named(MediaType.APPLICATION_JSON, set, "json", false,
                files.json(set, OpenDataFiles.apiLocale(request)));
    }

    @GetMapping("/data-dictionary")
    @Operation(summary = "Het datawoordenboek: elke kolom met naam, type, eenheid, definitie, bron en wettelijke "
            + "grondslag, in het Nederlands en het Engels")
    List<OpenDataFiles.DictionaryEntry> dataDictionary() {
        return files.dictionary();
    }
}
