/**
 * Proposes links of households to municipalities: the optimiser ({@code engine}), its explained
 * proposals, and runs that planners start, follow, cancel and decide on ({@link nl.doorstroom.matching.LinkingRuns}).
 */
package nl.doorstroom.matching;
