package io.streamprep.operators.balance;

/**
 * The sampling rate of one class for the records of one pane.
 *
 * @param paneEnd end (exclusive, epoch ms) of the pane
 * @param label the class
 * @param rate output records per input record (below 1: under-sample; above: extra variants)
 */
public record ClassRate(long paneEnd, String label, double rate) {}
