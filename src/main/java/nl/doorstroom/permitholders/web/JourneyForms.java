package nl.doorstroom.permitholders.web;

import nl.doorstroom.shared.Notice;
import java.util.ArrayList;
import java.util.LinkedHashMap;

import nl.doorstroom.shared.FormInput;
import nl.doorstroom.permitholders.Journeys;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The steps recorded on a household's page: link and cancel a link (COA), offer, HAR placement and
 * move (the linked municipality, or COA). Each form carries the version of the household it was filled
 * in on; afterwards the browser is sent back to the household's page (post, redirect, get), with a
 * notice, or with the problems next to the fields and everything typed still in the form.
 */
@Controller
class JourneyForms {

    private final Journeys journeys;
    private final AreaChoices areas;

    JourneyForms(Journeys journeys, AreaChoices areas) {
        this.journeys = journeys;
        this.areas = areas;
    }

    /** A step that may be refused: with problems ({@link InvalidInput}) or a conflict ({@link EditConflict}). */
    @FunctionalInterface
    interface Step {
        Notice record(FormInput input);
    }

    @PostMapping("/households/{id:\\d+}/link")
    String link(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String municipality,
            @RequestParam(required = false) String occurredOn, RedirectAttributes redirect) {
        var typed = typed("municipality", municipality, "occurredOn", occurredOn);
        return step(id, "link", typed, redirect, input -> {
            var code = input.municipality("municipality", municipality);
            var on = input.date("occurredOn", occurredOn);
            input.check();
            var link = journeys.link(id, version, code, on);
            return Notice.of("households.done.linked", areas.name(link.municipality()));
        });
    }

    @PostMapping("/households/{id:\\d+}/cancel-link")
    String cancelLink(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String note, @RequestParam(required = false) String occurredOn,
            RedirectAttributes redirect) {
        var typed = typed("reason", reason, "note", note, "occurredOn", occurredOn);
        return step(id, "cancel", typed, redirect, input -> {
            var on = input.date("occurredOn", occurredOn);
            input.check();
            journeys.cancelLink(id, version, reason, note, on);
            return Notice.of("households.done.cancelled");
        });
    }

    @PostMapping("/households/{id:\\d+}/offer")
    String offer(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String occurredOn,
            @RequestParam(required = false) String district, @RequestParam(required = false) String rooms,
            RedirectAttributes redirect) {
        var typed = typed("occurredOn", occurredOn, "district", district, "rooms", rooms);
        return step(id, "offer", typed, redirect, input -> {
            var on = input.date("occurredOn", occurredOn);
            var count = input.integer("rooms", rooms);
            input.check();
            journeys.offer(id, version, on, district, count);
            return Notice.of("households.done.offered");
        });
    }

    @PostMapping("/households/{id:\\d+}/har")
    String har(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String occurredOn,
            @RequestParam(required = false) String place, RedirectAttributes redirect) {
        var typed = typed("occurredOn", occurredOn, "place", place);
        return step(id, "har", typed, redirect, input -> {
            var on = input.date("occurredOn", occurredOn);
            input.check();
            journeys.placeUnderHar(id, version, on, place);
            return Notice.of("households.done.har");
        });
    }

    @PostMapping("/households/{id:\\d+}/move-in")
    String moveIn(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String occurredOn,
            @RequestParam(required = false) String district, @RequestParam(required = false) String rooms,
            RedirectAttributes redirect) {
        var typed = typed("occurredOn", occurredOn, "district", district, "rooms", rooms);
        return step(id, "moveIn", typed, redirect, input -> {
            var on = input.date("occurredOn", occurredOn);
            var count = input.integer("rooms", rooms);
            input.check();
            journeys.moveIn(id, version, on, district, count);
            return Notice.of("households.done.moved");
        });
    }

    private static String step(long id, String form, LinkedHashMap<String, String> typed, RedirectAttributes redirect,
            Step step) {
        try {
            redirect.addFlashAttribute("notice", step.record(new FormInput()));
            return "redirect:/households/" + id;
        }
        catch (InvalidInput e) {
            redirect.addFlashAttribute("step", form);
            redirect.addFlashAttribute("typed", typed);
            redirect.addFlashAttribute("stepProblems", new ArrayList<>(e.problems()));
            return "redirect:/households/" + id + "#" + form;
        }
        catch (EditConflict e) {
            redirect.addFlashAttribute("step", form);
            redirect.addFlashAttribute("typed", typed);
            redirect.addFlashAttribute("conflict", true);
            return "redirect:/households/" + id + "#conflict";
        }
    }

    /** What was typed, by field, in the order of the form (null is kept as empty). */
    private static LinkedHashMap<String, String> typed(String... namesAndValues) {
        var typed = new LinkedHashMap<String, String>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            typed.put(namesAndValues[i], namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
        }
        return typed;
    }
}
