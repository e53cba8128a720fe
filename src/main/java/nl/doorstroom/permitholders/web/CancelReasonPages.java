package nl.doorstroom.permitholders.web;

import nl.doorstroom.shared.FieldProblems;
import nl.doorstroom.shared.Notice;
import java.util.List;

import nl.doorstroom.permitholders.LinkCancelReasons;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The managed list of reasons a link can be cancelled with: everyone may read it, COA planners and
 * administrators add reasons and retire or restore them (never delete: cancelled links keep theirs).
 */
@Controller
class CancelReasonPages {

    private final LinkCancelReasons reasons;

    CancelReasonPages(LinkCancelReasons reasons) {
        this.reasons = reasons;
    }

    @GetMapping("/households/cancel-reasons")
    String list(Model model) {
        return page(model, "", "", "", List.of());
    }

    @PostMapping("/households/cancel-reasons")
    String add(@RequestParam(required = false) String code, @RequestParam(required = false) String labelNl,
            @RequestParam(required = false) String labelEn, Model model, RedirectAttributes redirect) {
        try {
            var added = reasons.add(code, labelNl, labelEn);
            redirect.addFlashAttribute("notice", Notice.of("households.reasons.addedNotice", added.code()));
            return "redirect:/households/cancel-reasons";
        }
        catch (InvalidInput e) {
            return page(model, code, labelNl, labelEn, e.problems());
        }
    }

    @PostMapping("/households/cancel-reasons/{code}/retire")
    String retire(@PathVariable String code, RedirectAttributes redirect) {
        return setActive(code, false, redirect);
    }

    @PostMapping("/households/cancel-reasons/{code}/restore")
    String restore(@PathVariable String code, RedirectAttributes redirect) {
        return setActive(code, true, redirect);
    }

    private String setActive(String code, boolean active, RedirectAttributes redirect) {
        try {
            reasons.setActive(code, active);
            redirect.addFlashAttribute("notice", Notice.of(active ? "households.reasons.restoredNotice"
                    : "households.reasons.retiredNotice", code));
        }
        catch (InvalidInput e) {
            redirect.addFlashAttribute("problems", new java.util.ArrayList<>(e.problems()));
        }
        return "redirect:/households/cancel-reasons";
    }

    private String page(Model model, String code, String labelNl, String labelEn, List<Problem> problems) {
        model.addAttribute("reasons", reasons.all());
        model.addAttribute("mayKeep", LinkCancelReasons.mayKeep());
        model.addAttribute("code", code);
        model.addAttribute("labelNl", labelNl);
        model.addAttribute("labelEn", labelEn);
        if (!model.containsAttribute("problems") || !problems.isEmpty()) {
            model.addAttribute("problems", problems);
        }
        model.addAttribute("errors", new FieldProblems(problems));
        return "permitholders/cancel-reasons";
    }
}
