/**
 * Keeps the reception picture: reception locations and their occupancy over time, emergency measures, the municipal
 * reception task under the distribution act, places provided and displaced Ukrainians.
 */
package nl.doorstroom.reception;
