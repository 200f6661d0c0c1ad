package io.streamprep.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Kills TaskManagers that run a job's tasks with {@code kill -9}, one after the other while input
 * is still being fed, restarts each one, and measures how long the job takes to run every task
 * again. Before each kill it waits until the job completed a checkpoint since its last recovery, so
 * every kill throws away real, uncheckpointed progress and forces a restore.
 */
final class TaskManagerKiller {

    /**
     * One kill and the recovery from it.
     *
     * @param kill 1, 2, 3, ...
     * @param taskManager the number of the TaskManager killed
     * @param sentBefore how many input records had been sent when it was killed
     * @param recoveryMillis from the kill to the moment the last task of the job was RUNNING again
     * @param restoredCheckpoint the id of the checkpoint the job restored
     */
    record Recovery(
            int kill,
            int taskManager,
            int sentBefore,
            long recoveryMillis,
            long restoredCheckpoint) {

        @Override
        public String toString() {
            return String.format(
                    "kill %d: taskmanager-%d after %,d records sent, all tasks RUNNING again"
                            + " %.1f s later, restored checkpoint %d",
                    kill, taskManager, sentBefore, recoveryMillis / 1000.0, restoredCheckpoint);
        }
    }

    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(3);

    private final LocalStack stack;
    private final String job;
    private final JobProbe probe;

    TaskManagerKiller(LocalStack stack, String job) {
        this.stack = stack;
        this.job = job;
        this.probe = new JobProbe(stack, job);
    }

    /**
     * Kills {@code kills} times, kill {@code i} once the feeder has sent {@code i/(kills+1)} of its
     * records, alternating between TaskManagers whenever the job runs on more than one.
     */
    List<Recovery> killDuring(PacedProducer feeder, int kills) throws Exception {
        List<Recovery> recoveries = new ArrayList<>();
        int previous = 0;
        long restored = 0;
        for (int kill = 1; kill <= kills; kill++) {
            int threshold = feeder.total() * kill / (kills + 1);
            Polling.await(
                    "the feeder sends " + threshold + " records",
                    STEP_TIMEOUT,
                    feeder::sent,
                    sent -> sent >= threshold);
            long after = restored;
            Polling.await(
                    "a checkpoint after checkpoint " + after,
                    STEP_TIMEOUT,
                    probe::latestCompletedCheckpoint,
                    id -> id > after);
            int target = pickTarget(previous);
            int sent = feeder.sent();
            long killedAt = stack.killTaskManager(target);
            CompletableFuture<Void> restart =
                    CompletableFuture.runAsync(() -> stack.startTaskManager(target));
            stack.awaitAllTasksRunning(job, killedAt, STEP_TIMEOUT);
            long runningAgain = probe.lastTaskRunningSince();
            restart.get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Map<String, String> checkpoints = stack.checkpoints(job);
            assertThat(Integer.parseInt(checkpoints.get("restored")))
                    .as("restores of job %s after kill %d", job, kill)
                    .isGreaterThanOrEqualTo(kill);
            restored = Long.parseLong(checkpoints.get("latest_restored_id"));
            Recovery recovery = new Recovery(kill, target, sent, runningAgain - killedAt, restored);
            System.out.println("[chaos] " + recovery);
            recoveries.add(recovery);
            previous = target;
        }
        return recoveries;
    }

    private int pickTarget(int previous) {
        Set<Integer> running = probe.taskManagersWithRunningTasks();
        assertThat(running).as("TaskManagers running tasks of job %s", job).isNotEmpty();
        return running.stream().filter(k -> k != previous).findFirst().orElse(previous);
    }
}
