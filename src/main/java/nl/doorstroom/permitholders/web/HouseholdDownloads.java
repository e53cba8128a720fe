package nl.doorstroom.permitholders.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import nl.doorstroom.documents.Table;
import nl.doorstroom.documents.TableExport;
import nl.doorstroom.permitholders.HouseholdRegister;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The household list as CSV or Excel, with the list's filters; the register audits every download
 * (who, which filter, how many households) and refuses roles that see no households.
 */
@Controller
class HouseholdDownloads {

    private final HouseholdRegister register;
    private final AreaChoices areas;
    private final MessageSource messages;

    HouseholdDownloads(HouseholdRegister register, AreaChoices areas, MessageSource messages) {
        this.register = register;
        this.areas = areas;
        this.messages = messages;
    }

    @GetMapping("/households/export")
    ResponseEntity<StreamingResponseBody> export(@ModelAttribute HouseholdQuery query, @RequestParam String format,
            Locale locale) {
        if (!"csv".equals(format) && !"xlsx".equals(format)) {
            throw InvalidInput.of("filter", "households.export.format", format);
        }
        var problems = new ArrayList<Problem>();
        var filter = query.filter(problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var today = HouseholdPages.today();
        var rows = register.export(filter).stream().map(r -> HouseholdPages.ListRow.of(r, today, areas)).toList();
        boolean withLocation = rows.stream().anyMatch(r -> r.location() != null);
        var data = new ArrayList<List<Object>>();
        for (var r : rows) {
            var cells = new ArrayList<Object>(Arrays.asList(r.reference(), r.persons(), text(r.stage().messageKey(), locale),
                    r.daysInStage(), r.daysOverdue(), r.band() == null ? null : text(r.band().messageKey(), locale),
                    text(r.pastFourteenWeeks() ? "common.yes" : "common.no", locale),
                    r.har() == nl.doorstroom.permitholders.HarStatus.NONE ? null : text(r.har().messageKey(), locale),
                    r.municipality(), r.permitDate()));
            if (withLocation) {
                cells.add(r.location());
            }
            data.add(cells);
        }
        var columns = new ArrayList<>(List.of(
                new Table.Column(text("households.col.reference", locale), Table.Kind.TEXT),
                new Table.Column(text("households.col.persons", locale), Table.Kind.INTEGER),
                new Table.Column(text("households.col.stage", locale), Table.Kind.TEXT),
                new Table.Column(text("households.col.daysInStage", locale), Table.Kind.INTEGER),
                new Table.Column(text("households.col.daysOverdue", locale), Table.Kind.INTEGER),
                new Table.Column(text("households.col.band", locale), Table.Kind.TEXT),
                new Table.Column(text("households.col.pastFourteenWeeks", locale), Table.Kind.TEXT),
                new Table.Column(text("households.col.har", locale), Table.Kind.TEXT),
                new Table.Column(text("households.col.municipality", locale), Table.Kind.TEXT),
                new Table.Column(text("households.col.permitDate", locale), Table.Kind.DATE)));
        if (withLocation) {
            columns.add(new Table.Column(text("households.col.location", locale), Table.Kind.TEXT));
        }
        var note = messages.getMessage("households.export.note", new Object[] {today.toString()}, locale);
        return TableExport.download(new Table(text("households.list.title", locale), columns, data, note), format,
                "huishoudens-" + today);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
