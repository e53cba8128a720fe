package nl.doorstroom.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a Thymeleaf template to PDF (openhtmltopdf on PDFBox), in the application's template engine,
 * so {@code #{...}} messages come out in the locale asked for.
 *
 * <p>A PDF template:
 * <ul>
 * <li>is well-formed XHTML: every element closed ({@code <br/>}, {@code <meta charset="utf-8"/>}), no
 * named entities other than XML's own (write {@code &#160;}, not {@code &nbsp;});</li>
 * <li>does not use {@code @{...}} links nor {@code @bean} references: it is rendered outside any web
 * request, where Thymeleaf cannot build context-relative links. Put what it needs in the model;</li>
 * <li>keeps its CSS in a {@code <style>} element. Other resources load only from the classpath under
 * {@code static/} (e.g. {@code <img src="images/logo.png"/>}); nothing is fetched from a network;</li>
 * <li>uses the PDF base-14 fonts: {@code sans-serif} (Helvetica), {@code serif} (Times),
 * {@code monospace} (Courier). They cover Dutch and Frisian (é, ë, â, ú) and €, i.e. Windows-1252; no
 * font is embedded;</li>
 * <li>puts many documents in one file (a letter to each of 342 municipalities) as one template with
 * {@code page-break-before: always} on every document but the first.</li>
 * </ul>
 */
@Component
public class PdfDocuments {

    public static final MediaType PDF = MediaType.APPLICATION_PDF;

    private static final String RESOURCES = "static/";

    static {
        XRLog.setLoggerImpl(new PdfRendererLog());
    }

    private final ITemplateEngine templates;
    private final String resourceBase;

    public PdfDocuments(ITemplateEngine templates) {
        this.templates = templates;
        var base = PdfDocuments.class.getClassLoader().getResource(RESOURCES);
        this.resourceBase = base == null ? "classpath:/" + RESOURCES : base.toExternalForm();
    }

    /** The template ({@code "quota/letter"} for {@code templates/quota/letter.html}) as a PDF. */
    public byte[] render(String templateName, Map<String, Object> model, Locale locale) {
        var xhtml = templates.process(templateName, new Context(locale, model));
        var pdf = new ByteArrayOutputStream(64 * 1024);
        try {
            new PdfRendererBuilder()
                    .useFastMode()
                    .withHtmlContent(xhtml, resourceBase)
                    // Only the application's own resources and images embedded in the document (charts and maps
                    // drawn in Java): a document never makes the server fetch anything from elsewhere.
                    .useExternalResourceAccessControl((uri, type) -> uri != null
                            && (uri.startsWith(resourceBase) || uri.startsWith("data:image/")),
                            ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
                    .withProducer("Doorstroom")
                    .toStream(pdf)
                    .run();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not render " + templateName + " as PDF", e);
        }
        return pdf.toByteArray();
    }

    /** A rendered PDF as a download named {@code fileBaseName.pdf} (reduced to {@code [A-Za-z0-9._-]}). */
    public static ResponseEntity<byte[]> download(byte[] pdf, String fileBaseName) {
        return TableExport.attachment(PDF, fileBaseName, "pdf", pdf);
    }
}
