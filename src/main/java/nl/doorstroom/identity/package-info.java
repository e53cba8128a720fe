/**
 * Knows who is using Doorstroom: accounts, roles, scopes, API tokens, and the append-only audit trail.
 */
@org.springframework.modulith.ApplicationModule
package nl.doorstroom.identity;
