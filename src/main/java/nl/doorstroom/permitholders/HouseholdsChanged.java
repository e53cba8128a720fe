package nl.doorstroom.permitholders;

/** Households were registered or changed, or a step was recorded that publishes no event of its own (an offer, a move after a HAR placement). */
record HouseholdsChanged() {
}
