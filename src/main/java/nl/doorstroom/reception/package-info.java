/**
 * Keeps the reception picture: reception locations and occupancy, the municipal reception task under the
 * distribution act, places provided and displaced Ukrainians.
 */
@org.springframework.modulith.ApplicationModule
package nl.doorstroom.reception;
