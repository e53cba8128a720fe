package nl.doorstroom.governance.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.doorstroom.documents.PdfDocuments;
import nl.doorstroom.governance.ReportFigures;
import nl.doorstroom.governance.WeeklyReport;
import nl.doorstroom.governance.WeeklyReports;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The weekly reports over the API: make one as of a date, list the kept ones, read their figures and PDF. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Weekrapportages", description = "De weekrapportage van de regietafel: gemaakt uit de actuele gegevens per "
        + "peildatum, als PDF (Nederlands, of Engels op verzoek) met de cijfers erbij bewaard. Maken: landelijk "
        + "coördinatoren, beleidsanalisten en beheerders; lezen: de landelijke rollen en de provincies.")
class WeeklyReportApi {

    private final WeeklyReports reports;

    WeeklyReportApi(WeeklyReports reports) {
        this.reports = reports;
    }

    record ReportSummary(long id, LocalDate referenceDate, String language, String kind, Instant generatedAt,
            String generatedBy, boolean synthetic, int pdfBytes, int pdfMillis, String pdf) {

        static ReportSummary of(WeeklyReport r) {
            return new ReportSummary(r.id(), r.referenceDate(), r.locale().getLanguage(), r.kind().name(),
                    r.generatedAt(), r.generatedBy(), r.synthetic(), r.pdfBytes(), r.pdfMillis(),
                    "/api/v1/weekly-reports/" + r.id() + "/pdf");
        }
    }

    record ReportResource(long id, LocalDate referenceDate, String language, String kind, Instant generatedAt,
            String generatedBy, boolean synthetic, int pdfMillis, String pdf, ReportFigures figures) {

        static ReportResource of(WeeklyReport r) {
            return new ReportResource(r.id(), r.referenceDate(), r.locale().getLanguage(), r.kind().name(),
                    r.generatedAt(), r.generatedBy(), r.synthetic(), r.pdfMillis(),
                    "/api/v1/weekly-reports/" + r.id() + "/pdf", r.figures());
        }
    }

    record ReportRequest(@Schema(description = "Peildatum, niet in de toekomst", example = "2026-11-27") LocalDate referenceDate,
            @Schema(description = "nl (standaard) of en", example = "nl") String language) {
    }

    @Operation(summary = "De bewaarde rapportages, nieuwste eerst (de laatste honderd)")
    @GetMapping("/weekly-reports")
    List<ReportSummary> list() {
        return reports.latest().stream().map(ReportSummary::of).toList();
    }

    @Operation(summary = "Maak een rapportage per peildatum", description = "Zet het maken op de achtergrond "
            + "(202 Accepted): Location wijst de taak aan (/api/v1/governance-jobs/{id}) met voortgang; als die klaar "
            + "is, wijst result de bewaarde rapportage aan.")
    @PostMapping(path = "/weekly-reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<GovernanceJobApi.JobResource> generate(@RequestBody ReportRequest request) {
        var job = reports.start(request.referenceDate(), WeeklyReports.language(request.language()));
        return ResponseEntity.accepted().location(URI.create("/api/v1/governance-jobs/" + job.id()))
                .body(GovernanceJobApi.JobResource.of(job));
    }

    @Operation(summary = "Eén rapportage met de cijfers die erin staan")
    @GetMapping("/weekly-reports/{id}")
    ReportResource read(@PathVariable long id) {
        return ReportResource.of(reports.find(id));
    }

    @Operation(summary = "De PDF van een rapportage", description = "Elke download komt in de audittrail.")
    @GetMapping(path = "/weekly-reports/{id}/pdf", produces = { MediaType.APPLICATION_PDF_VALUE,
            MediaType.APPLICATION_PROBLEM_JSON_VALUE })
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        var report = reports.find(id);
        return PdfDocuments.download(reports.pdf(id), "weekrapportage-" + report.referenceDate() + "-" + report.id());
    }
}
