package io.streamprep.operators.balance;

/**
 * The number of records of one class in one pane, addressed to one horizon that holds the pane.
 *
 * @param horizonEnd end (exclusive, epoch ms) of the horizon this count belongs to
 * @param label the class
 * @param count records of the class in the pane
 * @param lastPane whether the pane is the horizon's last one, the pane whose records the horizon's
 *     rates decide
 */
public record ClassCount(long horizonEnd, String label, long count, boolean lastPane) {}
