/**
 * A few value types every module may use; depends on nothing.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package nl.doorstroom.shared;
