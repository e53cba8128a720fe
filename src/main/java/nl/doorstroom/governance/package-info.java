/**
 * The coordination table's own work: meetings with their decisions and action items, the weekly
 * report composed from every module's figures, letters to sets of municipalities, and open data.
 */
@org.springframework.modulith.ApplicationModule
package nl.doorstroom.governance;
