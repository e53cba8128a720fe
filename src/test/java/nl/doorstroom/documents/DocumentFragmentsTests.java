package nl.doorstroom.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The fragments of templates/fragments/documents.html, rendered as a page would, with the real bundles. */
class DocumentFragmentsTests {

    Chart chart = Chart.line(List.of("2026-07", "2026-08"),
            List.of(new Chart.Series("'s-Hertogenbosch \"<b>\"", List.of(12, 30))))
            .withMarkLine("Taakstelling", 150);

    @AfterEach
    void unbindRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void chartIsAnImageWithTheTemplatesLabelAndItsJson() {
        var html = render(Locale.forLanguageTag("nl"), null);

        assertThat(html).contains("<div class=\"chart\" role=\"img\" id=\"progress\" "
                + "aria-label=\"Huisvesting per maand, tegen de taakstelling\" data-chart=\"");
        var attribute = html.substring(html.indexOf("data-chart=\"") + 12);
        var json = HtmlUtils.htmlUnescape(attribute.substring(0, attribute.indexOf('"')));
        assertThat(json).isEqualTo(chart.json());
        assertThat(json).contains("\"type\":\"line\"", "\"categories\":[\"2026-07\",\"2026-08\"]",
                "\"markLine\":{\"name\":\"Taakstelling\",\"value\":150}").doesNotContain("percent");
    }

    @Test
    void downloadsLinkToThisPagesDataInBothFormats() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(
                DownloadLinksTests.request("/quota", "province=PV21")));

        var html = render(Locale.forLanguageTag("nl"), null);

        assertThat(html).contains("Download deze gegevens:")
                .contains("<a href=\"/quota?province=PV21&amp;format=csv\" type=\"text/csv\">CSV</a>")
                .contains("<a href=\"/quota?province=PV21&amp;format=xlsx\"")
                .contains(">Excel (XLSX)</a>");
    }

    @Test
    void downloadsSpeakEnglishInEnglish() {
        var html = render(Locale.ENGLISH, "/quota/export");

        assertThat(html).contains("Download this data:").contains("href=\"/quota/export?format=csv\"");
    }

    String render(Locale locale, String baseUrl) {
        var beans = new GenericApplicationContext();
        beans.registerBean("downloadLinks", DownloadLinks.class);
        beans.refresh();
        var context = new Context(locale, Map.of("chart", chart,
                "label", "Huisvesting per maand, tegen de taakstelling"));
        context.setVariable("baseUrl", baseUrl);
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(beans, null));
        return engine().process("documents/fragments-sample", context);
    }

    static SpringTemplateEngine engine() {
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setCharacterEncoding("UTF-8");
        var messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/documents");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        var engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        engine.setEnableSpringELCompiler(true);
        return engine;
    }
}
