package io.streamprep.jobs.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a running job's placement and timings from the Flink REST API: which TaskManagers run its
 * tasks, when every task last became RUNNING, its checkpoints and its failures.
 */
final class JobProbe {

    /** flink.sh names TaskManager K's resource id {@code taskmanager-K-<launch time>-<random>}. */
    private static final Pattern TASK_MANAGER_NUMBER = Pattern.compile("^taskmanager-(\\d+)-");

    private final LocalStack stack;
    private final String job;

    JobProbe(LocalStack stack, String job) {
        this.stack = stack;
        this.job = job;
    }

    /** The numbers (as in {@code flink.sh kill-taskmanager K}) of TaskManagers running tasks. */
    Set<Integer> taskManagersWithRunningTasks() {
        Set<Integer> numbers = new TreeSet<>();
        for (String vertex : vertexIds()) {
            JsonNode tms = stack.rest("/jobs/" + job + "/vertices/" + vertex + "/taskmanagers");
            for (JsonNode tm : tms.path("taskmanagers")) {
                if (tm.path("status-counts").path("RUNNING").asInt() > 0) {
                    Matcher m = TASK_MANAGER_NUMBER.matcher(tm.path("taskmanager-id").asText());
                    if (m.find()) {
                        numbers.add(Integer.parseInt(m.group(1)));
                    }
                }
            }
        }
        return numbers;
    }

    /** The latest time any task of the job entered RUNNING (epoch ms). */
    long lastTaskRunningSince() {
        long latest = 0;
        for (String vertex : vertexIds()) {
            JsonNode times = stack.rest("/jobs/" + job + "/vertices/" + vertex + "/subtasktimes");
            for (JsonNode subtask : times.path("subtasks")) {
                latest = Math.max(latest, subtask.path("timestamps").path("RUNNING").asLong());
            }
        }
        return latest;
    }

    /** The parallelism of every vertex. */
    List<Integer> parallelisms() {
        List<Integer> result = new ArrayList<>();
        stack.rest("/jobs/" + job)
                .path("vertices")
                .forEach(v -> result.add(v.path("parallelism").asInt()));
        return result;
    }

    /** The id of the latest completed checkpoint, or -1. */
    long latestCompletedCheckpoint() {
        JsonNode completed =
                stack.rest("/jobs/" + job + "/checkpoints").path("latest").path("completed");
        return completed.isObject() ? completed.path("id").asLong() : -1;
    }

    /** The failures the job has had (exception class and task), oldest last; empty if none. */
    List<String> failures() {
        List<String> failures = new ArrayList<>();
        for (JsonNode entry :
                stack.rest("/jobs/" + job + "/exceptions")
                        .path("exceptionHistory")
                        .path("entries")) {
            failures.add(
                    entry.path("exceptionName").asText()
                            + " in "
                            + entry.path("taskName").asText()
                            + ": "
                            + entry.path("stacktrace").asText().lines().limit(3).toList());
        }
        return failures;
    }

    /** The simple class names of the job's failures, oldest last. */
    List<String> failureNames() {
        List<String> names = new ArrayList<>();
        for (JsonNode entry :
                stack.rest("/jobs/" + job + "/exceptions")
                        .path("exceptionHistory")
                        .path("entries")) {
            String name = entry.path("exceptionName").asText();
            names.add(name.substring(name.lastIndexOf('.') + 1));
        }
        return names;
    }

    private List<String> vertexIds() {
        List<String> ids = new ArrayList<>();
        stack.rest("/jobs/" + job).path("vertices").forEach(v -> ids.add(v.path("id").asText()));
        return ids;
    }
}
