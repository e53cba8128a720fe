package nl.doorstroom.documents;

import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;

/**
 * Benchmark (not a test): one PDF of 342 one-page letters, one per municipality, from the sample
 * template. Prints the time of a cold render, then of warm ones. Run with {@code bench/pdf-letters.sh}.
 */
final class PdfLettersBench {

    static final int MUNICIPALITIES = 342;

    public static void main(String[] args) throws Exception {
        var rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        var documents = new PdfDocuments(PdfDocumentsTests.templateEngine());
        Map<String, Object> model = Map.of("letters", PdfDocumentsTests.numbered(MUNICIPALITIES),
                "referenceNote", PdfDocumentsTests.REFERENCE);
        for (int round = 0; round <= rounds; round++) {
            var started = System.nanoTime();
            var pdf = documents.render("documents/sample", model, Locale.forLanguageTag("nl"));
            var millis = (System.nanoTime() - started) / 1_000_000;
            try (var document = Loader.loadPDF(pdf)) {
                System.out.printf("%s: %d letters, %d pages, %d KiB in %d ms%n", round == 0 ? "cold" : "warm " + round,
                        MUNICIPALITIES, document.getNumberOfPages(), pdf.length / 1024, millis);
            }
        }
    }
}
