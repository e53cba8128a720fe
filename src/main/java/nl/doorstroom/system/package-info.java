/**
 * Runs the application: security, web configuration, errors as problem+json, languages, layout,
 * the embedded database and the demo scenario.
 */
@org.springframework.modulith.ApplicationModule
package nl.doorstroom.system;
