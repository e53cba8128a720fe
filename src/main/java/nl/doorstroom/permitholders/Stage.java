package nl.doorstroom.permitholders;

/** Where a household is on its way from reception to a home. */
public enum Stage {

    /** Has a permit, waits in reception to be linked to a municipality. */
    AWAITING_LINK,
    /** Linked to a municipality, which has to offer a home. */
    LINKED,
    /** Offered a home, still to move. */
    OFFERED,
    /** Placed in temporary accommodation under the HAR inside the linked municipality; counts as housed. */
    HAR,
    /** Moved into a home. */
    HOUSED;

    public String messageKey() {
        return "stage." + name();
    }

    /** Whether a household in this stage still lives in COA reception. */
    public boolean inReception() {
        return this == AWAITING_LINK || this == LINKED || this == OFFERED;
    }
}
