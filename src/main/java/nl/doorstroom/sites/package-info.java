/**
 * Keeps the register of temporary sites (hotels, recreation parks, church buildings, state property and
 * state land) where linked permit holders can stay until a home is found.
 */
@org.springframework.modulith.ApplicationModule
package nl.doorstroom.sites;
