package io.streamprep.jobs.cluster;

import io.streamprep.jobs.cluster.ClusterInput.Kind;
import io.streamprep.jobs.cluster.ClusterInput.Line;
import io.streamprep.schemas.records.DeadLetterRecord;
import io.streamprep.schemas.records.DuplicateRecord;
import io.streamprep.schemas.records.TrainingRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Accounts for every line of a {@link ClusterInput} in a run's output: each line must show up
 * exactly once, in the right place. A WordNet record as training records (windows {@code 0..n-1},
 * each once) or as a duplicate; an injected duplicate as a duplicate naming a record with the same
 * text; a bad line as a dead letter with its expected reason at its exact source position. Anything
 * else in the output (an unknown id or position) counts as an error too.
 */
final class Ledger {

    /**
     * The outcome of an accounting.
     *
     * @param lines input lines
     * @param lost lines found nowhere
     * @param duplicated lines (or training windows) found more than once
     * @param errors everything else that is wrong: unknown ids, wrong places, wrong reasons
     * @param trainingRecords training records (all windows)
     * @param kept WordNet records kept, i.e. with training records
     * @param duplicates duplicate reports (injected and natural repeats)
     * @param deadLetters dead letters
     * @param accounted input lines found in the output
     */
    record Result(
            int lines,
            List<String> lost,
            List<String> duplicated,
            List<String> errors,
            int trainingRecords,
            int kept,
            int duplicates,
            int deadLetters,
            int accounted) {

        boolean clean() {
            return lost.isEmpty() && duplicated.isEmpty() && errors.isEmpty();
        }

        String summary() {
            return String.format(
                    "%,d input lines: %,d kept (%,d training records), %,d duplicates, %,d dead"
                            + " letters; lost %d, duplicated %d, other errors %d",
                    lines,
                    kept,
                    trainingRecords,
                    duplicates,
                    deadLetters,
                    lost.size(),
                    duplicated.size(),
                    errors.size());
        }

        /** The summary plus the first few problems of each sort. */
        String report() {
            return summary()
                    + "\n  lost: "
                    + head(lost)
                    + "\n  duplicated: "
                    + head(duplicated)
                    + "\n  errors: "
                    + head(errors);
        }

        private static List<String> head(List<String> list) {
            return list.subList(0, Math.min(10, list.size()));
        }
    }

    private final ClusterInput input;
    private final Predicate<Line> required;
    private final Predicate<Line> allowed;
    private final Map<String, Line> byId = new HashMap<>();
    private final Map<String, Line> byPosition = new HashMap<>();
    private final Map<Line, String> seen = new IdentityHashMap<>();
    private final List<String> duplicated = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    private Ledger(ClusterInput input, Predicate<Line> required, Predicate<Line> allowed) {
        this.input = input;
        this.required = required;
        this.allowed = allowed;
        for (Line line : input.lines()) {
            byPosition.put(input.position(line), line);
            if (line.kind() != Kind.BAD) {
                byId.put(line.id(), line);
            }
        }
    }

    /** Accounts for every line of {@code input} in {@code output}. */
    static Result account(ClusterInput input, RunOutput output) {
        return account(input, output, line -> true, line -> true);
    }

    /**
     * Accounts for part of the input, for an output that holds only part of a run: the {@code
     * required} lines must each show up exactly once, other {@code allowed} lines at most once, and
     * any other line showing up is an error.
     */
    static Result account(
            ClusterInput input,
            RunOutput output,
            Predicate<Line> required,
            Predicate<Line> allowed) {
        return new Ledger(input, required, allowed).account(output);
    }

    private Result account(RunOutput output) {
        List<TrainingRecord> training = output.training();
        List<DuplicateRecord> duplicates = output.duplicates();
        List<DeadLetterRecord> deadLetters = output.deadLetters();
        int kept = accountTraining(training);
        duplicates.forEach(this::accountDuplicate);
        deadLetters.forEach(this::accountDeadLetter);
        List<String> lost = new ArrayList<>();
        for (Line line : input.lines()) {
            if (required.test(line) && !seen.containsKey(line)) {
                lost.add(describe(line));
            }
        }
        return new Result(
                input.lines().size(),
                lost,
                duplicated,
                errors,
                training.size(),
                kept,
                duplicates.size(),
                deadLetters.size(),
                seen.size());
    }

    private int accountTraining(List<TrainingRecord> training) {
        Map<String, TreeMap<Integer, Integer>> windowsBySource = new HashMap<>();
        for (TrainingRecord record : training) {
            windowsBySource
                    .computeIfAbsent(record.sourceId(), id -> new TreeMap<>())
                    .merge(record.window(), 1, Integer::sum);
            if (!record.id().equals(TrainingRecord.idOf(record.sourceId(), 0, record.window()))) {
                errors.add("training record with unexpected id " + record.id());
            }
        }
        windowsBySource.forEach(
                (sourceId, windows) -> {
                    windows.forEach(
                            (window, n) -> {
                                if (n > 1) {
                                    duplicated.add(sourceId + " window " + window + " x" + n);
                                }
                            });
                    if (windows.firstKey() != 0 || windows.lastKey() != windows.size() - 1) {
                        errors.add(sourceId + " has windows " + windows.keySet());
                    }
                    Line line = byId.get(sourceId);
                    if (line == null) {
                        errors.add("training records of unknown source " + sourceId);
                    } else if (line.kind() != Kind.WORDNET) {
                        errors.add("training records of " + describe(line));
                    } else {
                        see(line, "training");
                    }
                });
        return windowsBySource.size();
    }

    private void accountDuplicate(DuplicateRecord duplicate) {
        Line line = byId.get(duplicate.id());
        Line original = byId.get(duplicate.duplicateOf());
        if (line == null || original == null) {
            errors.add("duplicate of unknown records: " + duplicate);
            return;
        }
        if (!line.text().equals(original.text())) {
            errors.add(duplicate + ": the texts differ");
        }
        see(line, "duplicates");
    }

    private void accountDeadLetter(DeadLetterRecord deadLetter) {
        Line line = byPosition.get(deadLetter.position());
        if (line == null) {
            errors.add("dead letter at unknown position " + deadLetter);
            return;
        }
        if (line.kind() != Kind.BAD) {
            errors.add(describe(line) + " was dead-lettered: " + deadLetter);
        } else if (!line.reason().equals(deadLetter.reason())) {
            errors.add(describe(line) + " was dead-lettered as " + deadLetter.reason());
        }
        see(line, "dlq");
    }

    private void see(Line line, String where) {
        if (!allowed.test(line) && !required.test(line)) {
            errors.add(describe(line) + " should not be in this output, but is in " + where);
        }
        String before = seen.put(line, where);
        if (before != null) {
            duplicated.add(describe(line) + " in " + before + " and " + where);
        }
    }

    private String describe(Line line) {
        return line.kind()
                + " "
                + (line.id() == null ? "" : line.id() + " ")
                + "at "
                + input.position(line);
    }
}
