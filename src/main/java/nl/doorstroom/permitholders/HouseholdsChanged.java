package nl.doorstroom.permitholders;

/** Households were registered or changed, or a step without an event of its own was recorded (an offer). */
record HouseholdsChanged() {
}
