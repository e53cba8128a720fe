package nl.doorstroom.coordination;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.identity.ScopeKind;
import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calls and meetings of the coordination centre with municipalities, provinces, King's Commissioners and
 * housing corporations: who spoke to whom, the outcome, the commitments made and the follow-ups agreed.
 * A change names the version read; a concurrent change is refused with what is stored now.
 */
@Service
public class Contacts {

    private final StoredContacts stored;
    private final MunicipalityRegistry registry;
    private final nl.doorstroom.identity.AccountAdministration accounts;
    private final nl.doorstroom.sites.SiteInventory sites;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    Contacts(StoredContacts stored, MunicipalityRegistry registry, nl.doorstroom.identity.AccountAdministration accounts,
            nl.doorstroom.sites.SiteInventory sites, AuditTrail audit, ApplicationEventPublisher events) {
        this.sites = sites;
        this.stored = stored;
        this.registry = registry;
        this.accounts = accounts;
        this.audit = audit;
        this.events = events;
    }

    /** A coordinator a follow-up can be assigned to: an enabled account of the centre or COA. */
    public record Assignee(String username, String displayName) {
    }

    @Transactional(readOnly = true)
    public List<Assignee> assignees() {
        Coordinators.requireReader();
        return accounts.accounts().stream().filter(a -> a.enabled() && Coordinators.COORDINATORS.contains(a.role()))
                .map(a -> new Assignee(a.username(), a.displayName())).toList();
    }

    static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }

    /** A contact with what was promised in it and what is to be done after it. */
    public record ContactDetail(Contact contact, List<Commitment> commitments, List<FollowUp> followUps) {
    }

    /** Logs a contact with its commitments and follow-ups, all or nothing; the current user is its coordinator. */
    @Transactional
    public long log(ContactForm form) {
        var user = Coordinators.requireCoordinator();
        var problems = form.problems(today(), registry::exists, registry::exists, true);
        // Places at a temporary site name the site from the register, which lies in the commitment's municipality.
        for (int i = 0; i < form.commitments().size(); i++) {
            var commitment = form.commitments().get(i);
            var field = "commitments[" + i + "].siteId";
            if (commitment.siteId() == null) {
                if (commitment.kind() == Commitment.Kind.TEMPORARY_SITE) {
                    problems.add(nl.doorstroom.shared.InvalidInput.Problem.of(field, "coordination.site.missing"));
                }
                continue;
            }
            var site = sites.site(commitment.siteId());
            if (site.isEmpty()) {
                problems.add(nl.doorstroom.shared.InvalidInput.Problem.of(field, "coordination.site.unknown",
                        commitment.siteId()));
            }
            else if (commitment.municipality() != null && !site.get().municipality().equals(commitment.municipality())) {
                problems.add(nl.doorstroom.shared.InvalidInput.Problem.of(field, "coordination.site.elsewhere",
                        site.get().name()));
            }
        }
        // A follow-up assigned to nobody would show on no work list.
        var assignees = assignees().stream().map(Assignee::username).toList();
        for (int i = 0; i < form.followUps().size(); i++) {
            var assignee = ContactForm.clean(form.followUps().get(i).assignee());
            if (assignee != null && !assignees.contains(assignee)) {
                problems.add(nl.doorstroom.shared.InvalidInput.Problem.of("followUps[" + i + "].assignee",
                        "coordination.assignee.unknown", assignee));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id = stored.insertContact(form, user.username(), user.username());
        for (var commitment : form.commitments()) {
            long commitmentId = stored.insertCommitment(id, commitment, form.occurredOn());
            events.publishEvent(new CommitmentMade(commitmentId, commitment.municipality(), commitment.places(),
                    commitment.kind(), commitment.siteId(), commitment.expectedOn()));
        }
        for (var followUp : form.followUps()) {
            stored.insertFollowUp(id, followUp);
        }
        audit.recordChange("contact.logged", "contact", id, "party=" + form.party() + " commitments="
                + form.commitments().size() + " follow-ups=" + form.followUps().size());
        return id;
    }

    /** Changes the contact itself (not its commitments or follow-ups), based on the version read. */
    @Transactional
    public void change(long id, int version, ContactForm form) {
        Coordinators.requireCoordinator();
        var current = stored.contact(id).orElseThrow(() -> new CoordinationNotFound("contact", id));
        var problems = form.problems(today(), registry::exists, registry::exists, false);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        // A commitment was made on the contact's day, with its municipality: those stay, or its rules would break.
        if (!stored.commitmentsOfContact(id).isEmpty()) {
            var fixed = new java.util.ArrayList<nl.doorstroom.shared.InvalidInput.Problem>();
            if (form.party() != current.party()) {
                fixed.add(nl.doorstroom.shared.InvalidInput.Problem.of("party", "coordination.contact.hasCommitments"));
            }
            if (!java.util.Objects.equals(form.municipality(), current.municipality())) {
                fixed.add(nl.doorstroom.shared.InvalidInput.Problem.of("municipality", "coordination.contact.hasCommitments"));
            }
            if (!java.util.Objects.equals(form.occurredOn(), current.occurredOn())) {
                fixed.add(nl.doorstroom.shared.InvalidInput.Problem.of("occurredOn", "coordination.contact.hasCommitments"));
            }
            if (current.version() == version && !fixed.isEmpty()) {
                throw new InvalidInput(fixed);
            }
        }
        if (current.version() != version || !stored.updateContact(id, version, form)) {
            throw new ContactConflict(stored.contact(id).orElseThrow());
        }
        audit.recordChange("contact.changed", "contact", id, "version=" + (version + 1));
    }

    /** A contact with its commitments and follow-ups; the read is audited (it names whom was spoken to). */
    @Transactional
    public Optional<ContactDetail> find(long id) {
        var user = Coordinators.requireReader();
        var contact = stored.contact(id).filter(c -> covers(user, c));
        contact.ifPresent(c -> audit.recordChange("contact.read", "contact", id, null));
        var visible = Coordinators.visible(user, registry);
        // A commitment may be for another municipality than the contact's: shown only where the reader may see it.
        return contact.map(c -> new ContactDetail(c, stored.commitmentsOfContact(id).stream()
                .filter(m -> visible == null || visible.contains(m.municipality())).toList(),
                stored.followUpsOfContact(id)));
    }

    /** The latest contacts the reader may see, of one municipality or all; audited with their ids. */
    @Transactional
    public List<Contact> recent(MunicipalityCode municipality, int limit) {
        var user = Coordinators.requireReader();
        List<String> provinces = null;
        List<String> municipalities = null;
        if (user.scope().kind() == ScopeKind.PROVINCE) {
            provinces = List.of(user.scope().province().value());
            municipalities = registry.inProvince(user.scope().province()).stream().map(Municipality::code)
                    .map(MunicipalityCode::value).toList();
        }
        var found = stored.contacts(municipality, municipalities, provinces, Math.max(1, Math.min(500, limit)));
        for (int from = 0; from < found.size(); from += 150) {
            audit.recordChange("contacts.listed", "contact", null, "contacts=" + found.subList(from,
                    Math.min(found.size(), from + 150)).stream().map(c -> String.valueOf(c.id()))
                    .collect(java.util.stream.Collectors.joining(",")));
        }
        return found;
    }

    private boolean covers(nl.doorstroom.identity.DoorstroomUser user, Contact contact) {
        if (user.scope().kind() == ScopeKind.NATION) {
            return true;
        }
        if (user.scope().kind() == ScopeKind.PROVINCE) {
            var province = user.scope().province();
            return province.equals(contact.province()) || contact.municipality() != null
                    && registry.find(contact.municipality()).map(m -> m.province().equals(province)).orElse(false);
        }
        return false;
    }

    /** The current user's open follow-ups, the longest overdue first. */
    @Transactional(readOnly = true)
    public List<FollowUp> workList() {
        var user = Coordinators.requireCoordinator();
        return stored.openFollowUps(user.username());
    }

    /** Marks a follow-up done; only its assignee or another coordinator, based on the version read. */
    @Transactional
    public void complete(long followUpId, int version) {
        Coordinators.requireCoordinator();
        var followUp = stored.followUp(followUpId).orElseThrow(() -> new CoordinationNotFound("follow-up", followUpId));
        if (followUp.done()) {
            throw InvalidInput.of("followUp", "coordination.followUp.done");
        }
        if (followUp.version() != version || !stored.complete(followUpId, version, today(), CurrentUser.actor())) {
            throw new nl.doorstroom.shared.EditConflict("follow-up " + followUpId);
        }
        audit.recordChange("follow-up.done", "follow-up", followUpId, null);
    }

}
