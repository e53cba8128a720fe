/**
 * Proposes links of households to municipalities: the optimiser, its explanations and its runs.
 * Work in progress (issue 5): so far the engine only, in {@code engine}.
 */
package nl.doorstroom.matching;
