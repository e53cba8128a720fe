package nl.doorstroom.matching.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import nl.doorstroom.matching.LinkingRunNotFound;
import nl.doorstroom.matching.LinkingRuns;
import nl.doorstroom.matching.LinkingWeights;
import nl.doorstroom.shared.FieldProblems;
import nl.doorstroom.shared.FormInput;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.Notice;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The linking optimiser's pages: the runs and a form to start one; a run with its progress (refreshed
 * every second while it works), its proposals and the decisions on them; one proposal's explanation with
 * a form to link elsewhere by hand; and the run's fairness view.
 */
@Controller
class LinkingPages {

    static final int PAGE_SIZE = 100;

    private final LinkingRuns runs;

    LinkingPages(LinkingRuns runs) {
        this.runs = runs;
    }

    @ExceptionHandler(LinkingRunNotFound.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }

    @GetMapping("/linking")
    String overview(Model model) {
        return overview(model, RunForm.empty(), FieldProblems.NONE);
    }

    private String overview(Model model, RunForm form, FieldProblems errors) {
        requireReader();
        model.addAttribute("runs", runs.recent(50));
        model.addAttribute("regionNames", regionNames());
        model.addAttribute("regions", runs.linkingRegions());
        model.addAttribute("mayPlan", LinkingRuns.mayPlan());
        model.addAttribute("form", form);
        model.addAttribute("criteria", LinkingWeights.CRITERIA);
        model.addAttribute("errors", errors);
        model.addAttribute("problems", errors.besides(fieldsOfRunForm()));
        return "matching/runs";
    }

    private static List<String> fieldsOfRunForm() {
        var fields = new ArrayList<>(List.of("region", "householdLimit", "tolerancePercent", "seconds"));
        LinkingWeights.CRITERIA.forEach(c -> fields.add("weight." + c));
        return fields;
    }

    @PostMapping("/linking/runs")
    String start(@RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
        var weights = new LinkedHashMap<String, String>();
        LinkingWeights.CRITERIA.forEach(c -> weights.put(c, params.getOrDefault("weight." + c, "")));
        var form = new RunForm(params.get("region"), params.get("householdLimit"), params.get("tolerancePercent"),
                params.get("seconds"), weights);
        try {
            long id = runs.start(form.read());
            return "redirect:/linking/runs/" + id;
        }
        catch (InvalidInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return overview(model, form, new FieldProblems(e.problems()));
        }
    }

    @GetMapping("/linking/runs/{id}")
    String run(@PathVariable long id, @RequestParam(required = false) String show,
            @RequestParam(required = false) String municipality, @RequestParam(defaultValue = "0") int page,
            Model model) {
        var run = runs.find(id).orElseThrow(() -> new LinkingRunNotFound(id));
        model.addAttribute("run", run);
        model.addAttribute("mayPlan", LinkingRuns.mayPlan());
        model.addAttribute("regionNames", regionNames());
        model.addAttribute("names", runs.municipalityNames());
        model.addAttribute("criteria", LinkingWeights.CRITERIA);
        if (run.finished()) {
            var input = new FormInput();
            MunicipalityCode code = input.municipality("municipality", municipality);
            input.check();
            var proposals = runs.proposals(id, show, code, page, PAGE_SIZE);
            model.addAttribute("page", proposals);
            model.addAttribute("municipality", code == null ? "" : code.value());
        }
        return "matching/run";
    }

    /** The progress panel alone, for the page to refresh; once the run has ended, the whole page reloads. */
    @GetMapping("/linking/runs/{id}/progress")
    String progress(@PathVariable long id, Model model, HttpServletResponse response) {
        var run = runs.find(id).orElseThrow(() -> new LinkingRunNotFound(id));
        if (!run.running()) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("run", run);
        model.addAttribute("mayPlan", LinkingRuns.mayPlan());
        return "matching/run :: progressFigures";
    }

    @PostMapping("/linking/runs/{id}/cancel")
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        try {
            runs.cancel(id);
            redirect.addFlashAttribute("notice", Notice.of("linking.cancel.requested", id));
        }
        catch (InvalidInput e) {
            redirect.addFlashAttribute("problems", new ArrayList<>(e.problems()));
        }
        return "redirect:/linking/runs/" + id;
    }

    @PostMapping("/linking/runs/{id}/recompute")
    String recompute(@PathVariable long id) {
        var run = runs.find(id).orElseThrow(() -> new LinkingRunNotFound(id));
        return "redirect:/linking/runs/" + runs.recompute(id, run.seconds());
    }

    @PostMapping("/linking/runs/{id}/accept")
    String accept(@PathVariable long id, @RequestParam(name = "household", required = false) List<Long> households,
            @RequestParam(required = false) String all, @RequestParam(required = false) String show,
            RedirectAttributes redirect) {
        try {
            if (all == null && (households == null || households.isEmpty())) {
                throw InvalidInput.of("household", "linking.select.none");
            }
            var decided = runs.accept(id, all != null ? null : households);
            redirect.addFlashAttribute("notice", Notice.of("linking.accept.done", decided.decided(),
                    decided.skipped(), decided.failures().size()));
            redirect.addFlashAttribute("failures", new ArrayList<>(decided.failures()));
        }
        catch (InvalidInput e) {
            redirect.addFlashAttribute("problems", new ArrayList<>(e.problems()));
        }
        return "redirect:/linking/runs/" + id + (show == null || show.isBlank() ? "" : "?show=" + show);
    }

    @PostMapping("/linking/runs/{id}/reject")
    String reject(@PathVariable long id, @RequestParam(name = "household", required = false) List<Long> households,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String show,
            RedirectAttributes redirect) {
        try {
            if (households == null || households.isEmpty()) {
                throw InvalidInput.of("household", "linking.select.none");
            }
            var decided = runs.reject(id, households, reason);
            redirect.addFlashAttribute("notice", Notice.of("linking.reject.done", decided.decided(), decided.skipped()));
        }
        catch (InvalidInput e) {
            redirect.addFlashAttribute("problems", new ArrayList<>(e.problems()));
        }
        return "redirect:/linking/runs/" + id + (show == null || show.isBlank() ? "" : "?show=" + show);
    }

    @GetMapping("/linking/runs/{id}/proposals/{household}")
    String proposal(@PathVariable long id, @PathVariable long household, Model model) {
        return proposal(id, household, model, "", "", FieldProblems.NONE);
    }

    private String proposal(long id, long household, Model model, String municipality, String reason,
            FieldProblems errors) {
        var explanation = runs.explain(id, household);
        model.addAttribute("explanation", explanation);
        model.addAttribute("run", explanation.run());
        model.addAttribute("proposal", explanation.proposal());
        model.addAttribute("names", runs.municipalityNames());
        model.addAttribute("criteria", LinkingWeights.CRITERIA);
        model.addAttribute("mayPlan", LinkingRuns.mayPlan());
        model.addAttribute("municipality", municipality);
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        model.addAttribute("problems", errors.besides(List.of("municipality", "reason")));
        return "matching/proposal";
    }

    @PostMapping("/linking/runs/{id}/proposals/{household}/change")
    String change(@PathVariable long id, @PathVariable long household, @RequestParam(required = false) String municipality,
            @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            var input = new FormInput();
            var code = input.municipality("municipality", municipality);
            input.check();
            runs.change(id, household, code, reason);
            redirect.addFlashAttribute("notice", Notice.of("linking.change.done", code.value()));
            return "redirect:/linking/runs/" + id + "/proposals/" + household;
        }
        catch (InvalidInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return proposal(id, household, model, municipality == null ? "" : municipality, reason == null ? "" : reason,
                    new FieldProblems(e.problems()));
        }
    }

    @GetMapping("/linking/runs/{id}/fairness")
    String fairness(@PathVariable long id, Model model) {
        var run = runs.find(id).orElseThrow(() -> new LinkingRunNotFound(id));
        model.addAttribute("run", run);
        model.addAttribute("fairness", run.finished() ? runs.fairness(id) : null);
        return "matching/fairness";
    }

    private Map<String, String> regionNames() {
        var names = new LinkedHashMap<String, String>();
        runs.linkingRegions().forEach(r -> names.put(r.code(), r.name()));
        return names;
    }

    private static void requireReader() {
        if (!LinkingRuns.mayRead()) {
            throw new AccessDeniedException("Only COA planners and national coordinators see linking runs");
        }
    }
}
