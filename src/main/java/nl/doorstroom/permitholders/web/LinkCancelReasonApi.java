package nl.doorstroom.permitholders.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.doorstroom.permitholders.LinkCancelReason;
import nl.doorstroom.permitholders.LinkCancelReasons;
import nl.doorstroom.shared.InvalidInput;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The managed list of reasons a link can be cancelled with: read by everyone, kept by COA and administrators. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Vergunninghouders: redenen", description = "Redenen waarmee een koppeling wordt ingetrokken. Redenen "
        + "worden toegevoegd of buiten gebruik gesteld, nooit verwijderd.")
class LinkCancelReasonApi {

    record CancelReasonResource(String code,
            @Schema(description = "De omschrijving in de gevraagde taal (Accept-Language)") String label, String labelNl,
            String labelEn, @Schema(description = "Alleen actieve redenen kunnen worden gekozen") boolean active,
            int position) {

        static CancelReasonResource of(LinkCancelReason r, Locale locale) {
            return new CancelReasonResource(r.code(), r.label(locale), r.labelNl(), r.labelEn(), r.active(), r.position());
        }
    }

    record NewCancelReasonRequest(@Schema(description = "2 tot 40 hoofdletters, cijfers of _", example = "FAMILY_REUNION")
            String code, String labelNl, String labelEn) {
    }

    record CancelReasonChangeRequest(@Schema(description = "false stelt buiten gebruik, true weer in gebruik") Boolean active) {
    }

    private final LinkCancelReasons reasons;

    LinkCancelReasonApi(LinkCancelReasons reasons) {
        this.reasons = reasons;
    }

    @Operation(summary = "Alle redenen, in hun volgorde; met ?active=true alleen die gekozen kunnen worden")
    @GetMapping("/link-cancel-reasons")
    List<CancelReasonResource> reasons(@Parameter(description = "true: alleen actieve redenen") @RequestParam(defaultValue = "false") boolean active,
            Locale locale) {
        return (active ? reasons.active() : reasons.all()).stream().map(r -> CancelReasonResource.of(r, locale)).toList();
    }

    @Operation(summary = "Eén reden")
    @GetMapping("/link-cancel-reasons/{code}")
    CancelReasonResource reason(@PathVariable String code, Locale locale) {
        return CancelReasonResource.of(find(code), locale);
    }

    @Operation(summary = "Voeg een reden toe (COA, beheer)", description = "Achteraan de lijst, voor 'Anders'.")
    @PostMapping(path = "/link-cancel-reasons", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CancelReasonResource> add(@RequestBody NewCancelReasonRequest request, Locale locale) {
        var added = reasons.add(request.code(), request.labelNl(), request.labelEn());
        return ResponseEntity.created(URI.create("/api/v1/link-cancel-reasons/" + added.code()))
                .body(CancelReasonResource.of(added, locale));
    }

    @Operation(summary = "Stel een reden buiten gebruik of weer in gebruik (COA, beheer)",
            description = "Ingetrokken koppelingen houden hun reden. 'Anders' (OTHER) blijft altijd in gebruik.")
    @PutMapping(path = "/link-cancel-reasons/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    CancelReasonResource change(@PathVariable String code, @RequestBody CancelReasonChangeRequest request, Locale locale) {
        var reason = find(code);
        if (request.active() == null) {
            throw InvalidInput.of("active", "householdApi.active.missing");
        }
        reasons.setActive(reason.code(), request.active());
        return CancelReasonResource.of(find(code), locale);
    }

    private LinkCancelReason find(String code) {
        return reasons.all().stream().filter(r -> r.code().equals(code)).findFirst()
                .orElseThrow(NoSuchElementException::new);
    }
}
