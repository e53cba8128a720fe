package nl.doorstroom.coordination;

import nl.doorstroom.shared.EditConflict;

/** Someone changed the contact since it was read: nothing was stored; here is what is stored now. */
public class ContactConflict extends EditConflict {

    private final transient Contact stored;

    public ContactConflict(Contact stored) {
        super("contact " + stored.id());
        this.stored = stored;
    }

    public Contact stored() {
        return stored;
    }
}
