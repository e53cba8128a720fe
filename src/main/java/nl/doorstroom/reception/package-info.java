/**
 * Keeps COA's reception locations with their capacity, occupancy over time and emergency measures.
 */
@org.springframework.modulith.ApplicationModule
package nl.doorstroom.reception;
