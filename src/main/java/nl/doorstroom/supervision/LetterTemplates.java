package nl.doorstroom.supervision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.municipalities.Province;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.ProvinceCode;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The texts of the case documents, per province: the province's own where it wrote one, else the default
 * shipped with Doorstroom ({@code supervision/letters/<kind>.txt}). The province's supervisors change them
 * (Gemeentewet art. 124: the province supervises); readers of the province's supervision read them; a
 * municipality does not see them.
 */
@Service
public class LetterTemplates {

    /** Roles that read a province's letter texts (narrowed to the own province by scope); not municipalities. */
    public static final Set<Role> READERS = readers();

    /** The placeholders a text may use, written {@code {{name}}}; {@link #placeholderMessageKey} explains each. */
    public static final List<String> PLACEHOLDERS = LetterText.NAMES;

    private static final String DEFAULTS = "supervision/letters/";

    private final StoredLetterTemplates stored;
    private final CaseLetters letters;
    private final MunicipalityRegistry registry;
    private final AuditTrail audit;
    private final Map<DocumentKind, String> defaults;

    LetterTemplates(StoredLetterTemplates stored, CaseLetters letters, MunicipalityRegistry registry, AuditTrail audit) {
        this.stored = stored;
        this.letters = letters;
        this.registry = registry;
        this.audit = audit;
        this.defaults = defaults();
    }

    private static Set<Role> readers() {
        var readers = EnumSet.copyOf(Supervisors.READERS);
        readers.remove(Role.MUNICIPALITY_OFFICER);
        return Set.copyOf(readers);
    }

    public static String placeholderMessageKey(String placeholder) {
        return LetterText.messageKey(placeholder);
    }

    /** The file the default text of a kind is shipped in, and the kind's name in page addresses. */
    public static String fileName(DocumentKind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Whether the signed-in user may read the province's letter texts. */
    public static boolean mayRead(ProvinceCode province) {
        return CurrentUser.get().map(u -> READERS.contains(u.role()) && u.scope().coversProvince(province)).orElse(false);
    }

    /** Whether the signed-in user may change the province's letter texts. */
    public static boolean mayChange(ProvinceCode province) {
        return Supervisors.maySupervise(province);
    }

    /**
     * The text the province uses for a kind of document: its own, or the default. Not checked against the
     * signed-in user: the case that writes the document has checked who may write it.
     */
    @Transactional(readOnly = true)
    public LetterTemplate template(ProvinceCode province, DocumentKind kind) {
        return stored.find(province, kind)
                .map(s -> new LetterTemplate(province, kind, s.body(), false, s.version()))
                .orElseGet(() -> defaultTemplate(province, kind));
    }

    /** The province's texts of every kind, in the order of the ladder, for a reader of the province. */
    @Transactional(readOnly = true)
    public List<LetterTemplate> templates(ProvinceCode province) {
        requireReader(province);
        provinceNamed(province);
        var own = new EnumMap<DocumentKind, StoredLetterTemplates.Stored>(DocumentKind.class);
        stored.all(province).forEach(s -> own.put(s.kind(), s));
        return EnumSet.allOf(DocumentKind.class).stream()
                .map(kind -> own.containsKey(kind)
                        ? new LetterTemplate(province, kind, own.get(kind).body(), false, own.get(kind).version())
                        : defaultTemplate(province, kind))
                .toList();
    }

    /**
     * Replaces the province's text of a kind, based on the version read (-1: the default was read).
     *
     * @throws InvalidInput with every problem of the text (field {@code body})
     * @throws EditConflict when the text changed since it was read
     */
    @Transactional
    public LetterTemplate change(ProvinceCode province, DocumentKind kind, String body, int expectedVersion) {
        Supervisors.requireSupervisor(province);
        provinceNamed(province);
        var problems = LetterText.problems(kind, body);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var actor = CurrentUser.actor();
        boolean saved = expectedVersion < 0
                ? stored.insert(province, kind, body, actor)
                : stored.update(province, kind, body, expectedVersion, actor);
        if (!saved) {
            throw new EditConflict("letter template " + province.value() + " " + kind.name());
        }
        int version = expectedVersion < 0 ? 0 : expectedVersion + 1;
        audit.recordChange("letter-template.changed", "province", province.value(),
                "kind=" + kind.name() + " version=" + version);
        return new LetterTemplate(province, kind, body, false, version);
    }

    /**
     * Puts the default text back in use for the province, removing its own text read at {@code expectedVersion}.
     *
     * @throws EditConflict when the province's text changed since it was read
     */
    @Transactional
    public LetterTemplate reset(ProvinceCode province, DocumentKind kind, int expectedVersion) {
        Supervisors.requireSupervisor(province);
        provinceNamed(province);
        boolean reset = expectedVersion < 0
                ? stored.find(province, kind).isEmpty()
                : stored.delete(province, kind, expectedVersion);
        if (!reset) {
            throw new EditConflict("letter template " + province.value() + " " + kind.name());
        }
        if (expectedVersion >= 0) {
            audit.recordChange("letter-template.reset", "province", province.value(), "kind=" + kind.name());
        }
        return defaultTemplate(province, kind);
    }

    /** The province's text of a kind as a document with made-up figures, marked as an example, for a reader. */
    @Transactional(readOnly = true)
    public CaseLetters.Rendered preview(ProvinceCode province, DocumentKind kind) {
        requireReader(province);
        var name = provinceNamed(province).name();
        return letters.sample(kind, template(province, kind).body(), name, LocalDate.now(AuditTrail.ZONE));
    }

    private LetterTemplate defaultTemplate(ProvinceCode province, DocumentKind kind) {
        return new LetterTemplate(province, kind, defaults.get(kind), true, -1);
    }

    private Province provinceNamed(ProvinceCode province) {
        return registry.province(province).orElseThrow(() -> new NoSuchElementException("No province " + province));
    }

    private static void requireReader(ProvinceCode province) {
        if (!mayRead(province)) {
            throw new AccessDeniedException("Only readers of the province's supervision see its letter texts");
        }
    }

    private static Map<DocumentKind, String> defaults() {
        var texts = new EnumMap<DocumentKind, String>(DocumentKind.class);
        for (var kind : DocumentKind.values()) {
            var file = new ClassPathResource(DEFAULTS + fileName(kind) + ".txt");
            try (var in = file.getInputStream()) {
                var text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                var problems = LetterText.problems(kind, text);
                if (!problems.isEmpty()) {
                    throw new IllegalStateException("The default text " + file.getPath() + " breaks its rules: " + problems);
                }
                texts.put(kind, text);
            }
            catch (IOException e) {
                throw new UncheckedIOException("No default text " + file.getPath(), e);
            }
        }
        return texts;
    }
}
