package nl.doorstroom.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The apostrophes of every message bundle. Spring formats a message with MessageFormat only when it
 * has arguments: there an apostrophe is written twice, and in a message without arguments once,
 * or the reader sees two ("Regio''s").
 */
class MessageBundlesTests {

    static final Pattern ARGUMENT = Pattern.compile("\\{\\d");
    static final Pattern SINGLE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    @Test
    void aMessageWithoutArgumentsHasSingleApostrophes() throws IOException {
        var wrong = new ArrayList<String>();
        for (var bundle : bundles()) {
            var messages = load(bundle);
            for (var key : messages.stringPropertyNames()) {
                var message = messages.getProperty(key);
                if (!ARGUMENT.matcher(message).find() && message.contains("''")) {
                    wrong.add(bundle.getFilename() + ": " + key + "=" + message);
                }
            }
        }

        assertThat(wrong).isEmpty();
    }

    @Test
    void aMessageWithArgumentsHasDoubledApostrophes() throws IOException {
        var wrong = new ArrayList<String>();
        for (var bundle : bundles()) {
            var messages = load(bundle);
            for (var key : messages.stringPropertyNames()) {
                var message = messages.getProperty(key);
                if (ARGUMENT.matcher(message).find() && SINGLE_APOSTROPHE.matcher(message).find()) {
                    wrong.add(bundle.getFilename() + ": " + key + "=" + message);
                }
            }
        }

        assertThat(wrong).isEmpty();
    }

    @Test
    void theDutchAndEnglishQuotaBundlesHaveTheSameKeys() throws IOException {
        var resolver = new PathMatchingResourcePatternResolver();

        var dutch = load(resolver.getResource("classpath:i18n/quota.properties")).stringPropertyNames();
        var english = load(resolver.getResource("classpath:i18n/quota_en.properties")).stringPropertyNames();

        assertThat(english).containsExactlyInAnyOrderElementsOf(dutch);
    }

    @Test
    void everyDutchBundleHasAnEnglishOneWithTheSameKeys() throws IOException {
        var resolver = new PathMatchingResourcePatternResolver();
        var wrong = new ArrayList<String>();
        for (var dutch : bundles()) {
            var name = dutch.getFilename();
            if (name == null || name.contains("_")) {
                continue;
            }
            var english = dutch.createRelative(name.replace(".properties", "_en.properties"));
            if (!english.exists()) {
                wrong.add(name + ": no English bundle");
                continue;
            }
            var dutchKeys = load(dutch).stringPropertyNames();
            var englishKeys = load(english).stringPropertyNames();
            dutchKeys.stream().filter(k -> !englishKeys.contains(k)).forEach(k -> wrong.add(name + ": only Dutch: " + k));
            englishKeys.stream().filter(k -> !dutchKeys.contains(k)).forEach(k -> wrong.add(name + ": only English: " + k));
        }

        assertThat(resolver.getResource("classpath:i18n/household-pages.properties").exists()).isTrue();
        assertThat(wrong).isEmpty();
    }

    private static List<Resource> bundles() throws IOException {
        var resolver = new PathMatchingResourcePatternResolver();
        var bundles = new ArrayList<Resource>();
        bundles.addAll(List.of(resolver.getResources("classpath*:messages*.properties")));
        bundles.addAll(List.of(resolver.getResources("classpath*:i18n/*.properties")));
        assertThat(bundles).extracting(Resource::getFilename).contains("messages.properties", "quota.properties");
        return bundles;
    }

    private static Properties load(Resource bundle) throws IOException {
        var properties = new Properties();
        try (var reader = new InputStreamReader(bundle.getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
