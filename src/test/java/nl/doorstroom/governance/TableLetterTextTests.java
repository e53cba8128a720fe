package nl.doorstroom.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import nl.doorstroom.shared.InvalidInput.Problem;
import org.junit.jupiter.api.Test;

class TableLetterTextTests {

    @Test
    void fillsEveryKnownPlaceholderAndLeavesTheRestAsWritten() {
        var body = "Geacht college van {{gemeente}},\n\nU huisvestte {{ gehuisvest }} van {{gecorrigeerde_taakstelling}}; {{onbekend}} blijft.";

        var filled = TableLetterText.fill(body, Map.of("gemeente", "Utrecht", "gehuisvest", "80",
                "gecorrigeerde_taakstelling", "1.234"));

        assertThat(filled).isEqualTo("Geacht college van Utrecht,\n\nU huisvestte 80 van 1.234; {{onbekend}} blijft.");
    }

    @Test
    void aValueWithDollarSignsOrBackslashesIsInsertedLiterally() {
        var filled = TableLetterText.fill("{{gemeente}}", Map.of("gemeente", "A$1\\B"));

        assertThat(filled).isEqualTo("A$1\\B");
    }

    @Test
    void refusesAnUnknownPlaceholderNamingIt() {
        var problems = TableLetterText.problems("Oproep", "Aan {{gemeente}}", "Uw {{achterstandd}} en {{tekort}}.");

        assertThat(problems).extracting(Problem::field, Problem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("body", "governance.letter.template.unknownPlaceholder"));
        assertThat(problems.get(0).arguments()).containsExactly("{{achterstandd}}");
    }

    @Test
    void checksTheSubjectAsWellAsTheBody() {
        var problems = TableLetterText.problems("Oproep", "Aan {{burgemeester}}", "Geacht college,");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("letterSubject");
            assertThat(p.arguments()).containsExactly("{{burgemeester}}");
        });
    }

    @Test
    void namesEachUnknownPlaceholderOnceEvenWhenUsedTwice() {
        var problems = TableLetterText.problems("Oproep", "Onderwerp", "{{x}} {{x}} {{y}}");

        assertThat(problems).extracting(p -> p.arguments().get(0)).containsExactly("{{x}}", "{{y}}");
    }

    @Test
    void acceptsATemplateThatUsesEveryPlaceholder() {
        var body = new StringBuilder();
        TableLetterText.NAMES.forEach(n -> body.append("{{").append(n).append("}} "));

        assertThat(TableLetterText.problems("Alles", "{{gemeente}}", body.toString())).isEmpty();
    }

    @Test
    void refusesBlankPartsAndCharactersThePdfCannotShow() {
        assertThat(TableLetterText.problems(" ", "", null)).extracting(Problem::field)
                .containsExactly("letterName", "letterSubject", "body");
        assertThat(TableLetterText.problems("Oproep", "Onderwerp", "Pijl \u2192 hier"))
                .extracting(Problem::messageKey).containsExactly("governance.letter.template.unprintable");
    }

    @Test
    void refusesABodyLongerThanTheLimit() {
        var problems = TableLetterText.problems("Oproep", "Onderwerp", "a".repeat(TableLetterText.MAX_BODY + 1));

        assertThat(problems).extracting(Problem::messageKey).containsExactly("governance.letter.template.tooLong");
    }

    @Test
    void cutsATextIntoParagraphsAtBlankLines() {
        var paragraphs = TableLetterText.paragraphs("Geacht college,\n\nRegel een\nregel twee\n   \n\nGroet");

        assertThat(paragraphs).containsExactly(List.of("Geacht college,"), List.of("Regel een", "regel twee"),
                List.of("Groet"));
    }

    /** Seeded random templates: filling never loses text outside placeholders and leaves no known placeholder. */
    @Test
    void fillingReplacesEveryKnownPlaceholderAndKeepsTheOtherText() {
        var random = new Random(20261130);
        for (int run = 0; run < 500; run++) {
            var body = new StringBuilder();
            var expected = new StringBuilder();
            var values = new HashMap<String, String>();
            for (int part = 0; part < 1 + random.nextInt(12); part++) {
                var text = "tekst" + random.nextInt(1000) + " ";
                body.append(text);
                expected.append(text);
                var name = TableLetterText.NAMES.get(random.nextInt(TableLetterText.NAMES.size()));
                values.putIfAbsent(name, String.valueOf(random.nextInt(100_000)));
                body.append("{{").append(name).append("}}");
                expected.append(values.get(name));
            }

            var filled = TableLetterText.fill(body.toString(), values);

            assertThat(filled).isEqualTo(expected.toString());
            assertThat(TableLetterText.placeholders(filled)).isEmpty();
        }
    }
}
