/**
 * Knows the country's municipalities: provinces, regions, neighbours, dated population versions
 * and boundaries. Reference data for every other module.
 */
@org.springframework.modulith.ApplicationModule
package nl.doorstroom.municipalities;
