/** Forecasts reception: a weekly stock-flow model of asylum reception with uncertainty bands, scenarios and the runway until capacity runs out. */
@org.springframework.modulith.ApplicationModule
package nl.doorstroom.forecasting;
