package nl.doorstroom.governance.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import nl.doorstroom.governance.GovernanceJobNotFound;
import nl.doorstroom.governance.GovernanceJobs;
import nl.doorstroom.shared.Notice;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A weekly report or letter batch being made: its progress (polled every two seconds while it runs), a button to
 * cancel it, and when done the link to download what it made.
 */
@Controller
class GovernanceJobPages {

    private final GovernanceJobs jobs;

    GovernanceJobPages(GovernanceJobs jobs) {
        this.jobs = jobs;
    }

    @ExceptionHandler(GovernanceJobNotFound.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }

    @GetMapping("/governance/jobs/{id}")
    String job(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            HttpServletResponse response) {
        var job = jobs.find(id);
        response.setHeader("Vary", "HX-Request");
        model.addAttribute("job", job);
        model.addAttribute("mayCancel", GovernanceJobs.mayCancel(job));
        // The poll swaps the progress only, so the page (and a reader's place in it) stays.
        return htmx != null ? "governance/job :: progress" : "governance/job";
    }

    @PostMapping("/governance/jobs/{id}/cancel")
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        var job = jobs.cancel(id);
        redirect.addFlashAttribute("notice", Notice.of("governance.job.cancelAsked"));
        return "redirect:/governance/jobs/" + job.id();
    }
}
