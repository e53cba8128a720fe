/**
 * Keeps the register of permit-holder households in reception and their way to a home: links to
 * municipalities, offers, moves, HAR placements and the 14-week clock.
 */
package nl.doorstroom.permitholders;
