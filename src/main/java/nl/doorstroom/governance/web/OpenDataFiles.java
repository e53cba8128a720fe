package nl.doorstroom.governance.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.doorstroom.documents.Table;
import nl.doorstroom.documents.TableExport;
import nl.doorstroom.governance.OpenDataColumn;
import nl.doorstroom.governance.OpenDataSet;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The open data set as files: CSV (the reference note on the first line, then the columns of the data dictionary)
 * and JSON, both named with the half-year and the reference date, and the data dictionary in Dutch and English.
 * Shared by the page's downloads and the API, so both give the same figures.
 */
@Component
class OpenDataFiles {

    /** One column of the dictionary, with its texts in Dutch and in English. */
    record DictionaryEntry(String name, String jsonName, String type, String unit, Map<String, String> definition,
            Map<String, String> source, Map<String, String> legalBasis) {
    }

    /** The JSON body: what the figures are as of, then one object per municipality with the dictionary's columns. */
    record Figures(String period, String referenceDate, String placesDate, boolean synthetic, String note,
            List<Map<String, Object>> municipalities) {
    }

    static final Locale DUTCH = Locale.forLanguageTag("nl");

    private final MessageSource messages;

    OpenDataFiles(MessageSource messages) {
        this.messages = messages;
    }

    /** {@code doorstroom-open-data-2026-II-peildatum-2026-11-29}. */
    static String fileBaseName(OpenDataSet set) {
        return "doorstroom-open-data-" + set.period() + "-peildatum-" + set.referenceDate();
    }

    String note(OpenDataSet set, Locale locale) {
        var note = messages.getMessage("governance.opendata.file.note", new Object[] { set.period().toString(),
                set.referenceDate().toString(), set.placesDate().toString() }, locale);
        return set.synthetic() ? note + " " + messages.getMessage("governance.opendata.file.synthetic", null, locale)
                : note;
    }

    byte[] csv(OpenDataSet set, Locale locale) {
        var columns = OpenDataColumn.ALL.stream().map(c -> new Table.Column(c.name(), kind(c.type()))).toList();
        var rows = new ArrayList<List<Object>>();
        for (var row : set.rows()) {
            var cells = new ArrayList<Object>();
            for (var cell : set.cells(row)) {
                // The CSV writes booleans as the words true and false, as JSON does.
                cells.add(cell instanceof Boolean b ? b.toString() : cell);
            }
            rows.add(cells);
        }
        var table = new Table("open data " + set.period(), columns, rows, note(set, locale));
        var out = new ByteArrayOutputStream(64 * 1024);
        try {
            TableExport.csv(table, out);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    Figures json(OpenDataSet set, Locale locale) {
        var rows = new ArrayList<Map<String, Object>>();
        for (var row : set.rows()) {
            var cells = set.cells(row);
            var json = new LinkedHashMap<String, Object>();
            for (int i = 0; i < OpenDataColumn.ALL.size(); i++) {
                var cell = cells.get(i);
                json.put(OpenDataColumn.ALL.get(i).jsonName(), cell == null || cell instanceof Number
                        || cell instanceof Boolean ? cell : cell.toString());
            }
            rows.add(json);
        }
        return new Figures(set.period().toString(), set.referenceDate().toString(), set.placesDate().toString(),
                set.synthetic(), note(set, locale), rows);
    }

    List<DictionaryEntry> dictionary() {
        return OpenDataColumn.ALL.stream().map(c -> new DictionaryEntry(c.name(), c.jsonName(), c.type(), c.unit(),
                both(c.definitionKey()), both(c.sourceKey()), c.legalBasis() == null ? null : both(c.legalBasisKey())))
                .toList();
    }

    private Map<String, String> both(String key) {
        var texts = new LinkedHashMap<String, String>();
        texts.put("nl", messages.getMessage(key, null, DUTCH));
        texts.put("en", messages.getMessage(key, null, Locale.ENGLISH));
        return texts;
    }

    static <T> ResponseEntity<T> named(MediaType type, OpenDataSet set, String extension, boolean attachment, T body) {
        var name = fileBaseName(set) + "." + extension;
        var disposition = attachment ? ContentDisposition.attachment().filename(name).build()
                : ContentDisposition.inline().filename(name).build();
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(body);
    }

    private static Table.Kind kind(String type) {
        return switch (type) {
            case "integer" -> Table.Kind.INTEGER;
            case "decimal" -> Table.Kind.DECIMAL;
            case "date" -> Table.Kind.DATE;
            default -> Table.Kind.TEXT;
        };
    }

    /** English when the API client asks for it (Accept-Language: en), else Dutch. */
    static Locale apiLocale(jakarta.servlet.http.HttpServletRequest request) {
        var header = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        return header != null && request.getLocale().getLanguage().equals("en") ? Locale.ENGLISH : DUTCH;
    }
}
