package nl.doorstroom.forecasting.engine;

/** The spread of one quantity over the runs in one week: 10th, 50th and 90th percentile and the mean. */
public record Band(double p10, double p50, double p90, double mean) {
}
