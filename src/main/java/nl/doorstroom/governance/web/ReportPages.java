package nl.doorstroom.governance.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import nl.doorstroom.documents.PdfDocuments;
import nl.doorstroom.governance.WeeklyReportNotFound;
import nl.doorstroom.governance.WeeklyReports;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.shared.FieldProblems;
import nl.doorstroom.shared.FormInput;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.Notice;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The weekly reports: the kept ones with the form to make one, a report's figures, and its PDF. */
@Controller
class ReportPages {

    private final WeeklyReports reports;

    private final nl.doorstroom.governance.GovernanceJobs jobs;

    ReportPages(WeeklyReports reports, nl.doorstroom.governance.GovernanceJobs jobs) {
        this.reports = reports;
        this.jobs = jobs;
    }

    @ExceptionHandler(WeeklyReportNotFound.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }

    @GetMapping("/governance/reports")
    String list(Model model, Locale locale) {
        model.addAttribute("reports", reports.latest());
        form(model, LocalDate.now(AuditTrail.ZONE).toString(), locale.getLanguage().equals("en") ? "en" : "nl",
                FieldProblems.NONE);
        return "governance/reports";
    }

    private void form(Model model, String date, String language, FieldProblems errors) {
        model.addAttribute("mayGenerate", WeeklyReports.mayGenerate());
        model.addAttribute("jobs", WeeklyReports.mayGenerate()
                ? jobs.latest(nl.doorstroom.governance.GovernanceJob.Kind.WEEKLY_REPORT, 5) : java.util.List.of());
        model.addAttribute("languages", WeeklyReports.LANGUAGES.stream().map(Locale::getLanguage).toList());
        model.addAttribute("dateText", date);
        model.addAttribute("languageText", language);
        model.addAttribute("errors", errors);
    }

    @PostMapping("/governance/reports")
    String generate(@RequestParam(required = false) String referenceDate,
            @RequestParam(required = false) String language, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        if (!WeeklyReports.mayGenerate()) {
            throw new org.springframework.security.access.AccessDeniedException("Not a report maker");
        }
        var input = new FormInput();
        var date = input.date("referenceDate", referenceDate);
        var problems = new ArrayList<Problem>();
        Locale locale = null;
        try {
            locale = WeeklyReports.language(language);
        }
        catch (InvalidInput e) {
            problems.addAll(e.problems());
        }
        try {
            input.check();
            if (problems.isEmpty()) {
                var job = reports.start(date, locale);
                redirect.addFlashAttribute("notice", Notice.of("governance.report.form.queued",
                        date.format(java.time.format.DateTimeFormatter.ofPattern("d-M-yyyy"))));
                return "redirect:/governance/jobs/" + job.id();
            }
        }
        catch (InvalidInput e) {
            problems.addAll(0, e.problems());
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("reports", reports.latest());
        model.addAttribute("problems", problems);
        form(model, referenceDate == null ? "" : referenceDate, language == null ? "nl" : language,
                new FieldProblems(problems));
        return "governance/reports";
    }

    @GetMapping("/governance/reports/{id}")
    String report(@PathVariable long id, Model model) {
        model.addAttribute("report", reports.find(id));
        return "governance/report";
    }

    @GetMapping("/governance/reports/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        var report = reports.find(id);
        return PdfDocuments.download(reports.pdf(id), "weekrapportage-" + report.referenceDate() + "-" + report.id());
    }
}
