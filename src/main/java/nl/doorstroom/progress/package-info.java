/**
 * Measures realisation against the corrected quota: housed per month, shortfall, pace, and the
 * assessment colour per municipality, province, region and the nation.
 */
package nl.doorstroom.progress;
