package nl.doorstroom.identity;

/**
 * How far a user's view reaches.
 */
public enum ScopeKind {
    NATION, PROVINCE, MUNICIPALITY, ORGANISATION
}
