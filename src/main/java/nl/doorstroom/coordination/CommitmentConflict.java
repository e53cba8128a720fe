package nl.doorstroom.coordination;

import nl.doorstroom.shared.EditConflict;

/** Someone decided on the commitment since it was read: nothing was stored; here is what is stored now. */
public class CommitmentConflict extends EditConflict {

    private final transient Commitment stored;

    public CommitmentConflict(Commitment stored) {
        super("commitment " + stored.id());
        this.stored = stored;
    }

    public Commitment stored() {
        return stored;
    }
}
