#!/usr/bin/env bash
# A real multi-process Flink 2.2.1 session cluster on this machine, built from Maven Central jars
# (there is no flink-dist there): one JobManager and N TaskManagers, each its own JVM with its own
# log and pid file, all bound to 127.0.0.1. Jobs are submitted, cancelled and savepointed through the
# REST API with curl. Run `flink.sh --help` for the commands.
#
# Everything a cluster writes (config, logs, pids, checkpoints, savepoints, temp files) lives under
# one directory, `--dir` (default: <repo>/.run/flink), so `stop` + `rm -rf DIR` leaves nothing behind.
# Needs: bash, java 17, mvn, curl, jq.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd -P)"
readonly SCRIPT_DIR REPO_ROOT
readonly POM="$SCRIPT_DIR/flink/pom.xml"
readonly CLASSPATH_CACHE="$SCRIPT_DIR/flink/target/classpath.txt"
readonly HOST=127.0.0.1
readonly JM_MAIN=org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint
readonly TM_MAIN=org.apache.flink.runtime.taskexecutor.TaskManagerRunner
readonly BASH_JAVA_UTILS=org.apache.flink.runtime.util.bash.BashJavaUtils
# Flink's env.java.opts.all from flink-dist's default config.yaml: what Flink needs on Java 17.
readonly JAVA17_OPTS=(
    --add-exports=java.base/sun.net.util=ALL-UNNAMED
    --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED
    --add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED
    --add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED
    --add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED
    --add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED
    --add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED
    --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED
    --add-opens=java.base/java.lang=ALL-UNNAMED
    --add-opens=java.base/java.net=ALL-UNNAMED
    --add-opens=java.base/java.io=ALL-UNNAMED
    --add-opens=java.base/java.nio=ALL-UNNAMED
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
    --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
    --add-opens=java.base/java.text=ALL-UNNAMED
    --add-opens=java.base/java.time=ALL-UNNAMED
    --add-opens=java.base/java.util=ALL-UNNAMED
    --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
    --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
    --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED
)
# The image operators' SIMD kernels (VectorKernels) run only on JVMs started with this module, and
# are kept out of their callers' compiled code (see VectorSupport).
readonly VECTOR_OPTS=(--add-modules=jdk.incubator.vector -XX:CompileCommand=quiet
    '-XX:CompileCommand=dontinline,io/streamprep/operators/image/VectorKernels*.*')
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
DIR="${STREAMPREP_FLINK_DIR:-$REPO_ROOT/.run/flink}"

die() {
    echo "flink.sh: $*" >&2
    exit 1
}

info() {
    echo "flink.sh: $*" >&2
}

# ---------------------------------------------------------------------------------------------
# Help
# ---------------------------------------------------------------------------------------------

usage() {
    cat <<'EOF'
Usage: flink.sh [--dir DIR] COMMAND [options]

A local multi-process Flink 2.2.1 session cluster (JobManager + N TaskManagers, 127.0.0.1 only).

Cluster:
  start [options]            start a JobManager and N TaskManagers, wait until all are registered
  stop                       stop every process of the cluster (idempotent)
  status                     show the processes and the REST overview (exit 3 if not running)
  start-taskmanager K        start TaskManager number K again and wait until it is registered
  kill-taskmanager K         kill -9 TaskManager number K (for chaos tests)

Jobs (REST API):
  submit JAR [options] [-- ARGS...]   upload and run a job jar, print its job id
  jobs                       list jobs: id, state, name
  cancel JOBID               cancel a job and wait until it is CANCELED
  savepoint JOBID [DIR]      trigger a savepoint, print its path
  stop-with-savepoint JOBID [DIR]   stop a job with a final savepoint, print its path
  wait-state JOBID STATE [options]  wait until a job reaches STATE
  checkpoints JOBID          completed/restored checkpoint counts and the latest paths

Global option:
  --dir DIR   the cluster's directory (config, logs, pids, checkpoints); default <repo>/.run/flink
              or $STREAMPREP_FLINK_DIR. Every command also accepts --dir after the command name.

Run `flink.sh COMMAND --help` for a command's options.
EOF
}

usage_start() {
    cat <<'EOF'
Usage: flink.sh start [--dir DIR] [--taskmanagers N] [--slots S] [--rest-port P] [--rpc-port P]
                      [--tm-memory SIZE] [--jm-memory SIZE] [--state-backend hashmap|rocksdb]
                      [--timeout SECONDS] [-D key=value ...]

Writes DIR/conf/config.yaml, resolves the classpath from deploy/local/flink/pom.xml (cached in
deploy/local/flink/target/), starts one JobManager and N TaskManagers as background JVMs and waits
until the REST API reports N registered TaskManagers. Prints one line per process.

  --taskmanagers N      number of TaskManagers (default 2)
  --slots S             task slots per TaskManager (default 2)
  --rest-port P         REST/web port (default 8081; 0 picks a free port)
  --rpc-port P          JobManager RPC port (default 6123; 0 picks a free port)
  --tm-memory SIZE      taskmanager.memory.process.size (default 1536m)
  --jm-memory SIZE      jobmanager.memory.process.size (default 1024m)
  --state-backend B     hashmap (default) or rocksdb
  --timeout SECONDS     how long to wait for the cluster to come up (default 120)
  -D key=value          extra config.yaml entry (repeatable), e.g. -D heartbeat.timeout=20s

Fails (and stops what it started) if a port is taken, a process dies or the timeout passes.
EOF
}

usage_stop() {
    cat <<'EOF'
Usage: flink.sh stop [--dir DIR]

Sends SIGTERM to every TaskManager and the JobManager of the cluster in DIR, waits up to 30 s for
each, then SIGKILLs what is left. Succeeds when nothing is running.
EOF
}

usage_status() {
    cat <<'EOF'
Usage: flink.sh status [--dir DIR]

Prints one line per process (running or dead) and the REST overview. Exit code 0 when the
JobManager runs and answers, 3 otherwise.
EOF
}

usage_start_taskmanager() {
    cat <<'EOF'
Usage: flink.sh start-taskmanager K [--dir DIR] [--timeout SECONDS]

Starts TaskManager number K (1-based) with the cluster's config and waits (default 60 s) until the
JobManager has registered it. Fails if TaskManager K is already running.
EOF
}

usage_kill_taskmanager() {
    cat <<'EOF'
Usage: flink.sh kill-taskmanager K [--dir DIR]

Kills TaskManager number K with SIGKILL (no clean shutdown) and waits until the process is gone.
Prints the epoch milliseconds of the kill, for measuring recovery with `wait-state --since`.
EOF
}

usage_submit() {
    cat <<'EOF'
Usage: flink.sh submit JAR [--dir DIR] [--class MAIN] [--parallelism N] [--detached]
                       [--savepoint PATH [--allow-non-restored-state]] [--timeout SECONDS]
                       [-- ARGS...]

Uploads JAR (POST /jars/upload), runs it (POST /jars/<id>/run with programArgsList) and prints the
job id on stdout. Without --detached it then waits for the job to end (default: no time limit) and
exits 0 only if it FINISHED.

  --class MAIN                  entry class (default: the jar manifest's Main-Class)
  --parallelism N               default parallelism of the job
  --detached                    return right after submission
  --savepoint PATH              restore from this savepoint or retained checkpoint
  --allow-non-restored-state    skip savepoint state that maps to no operator
  --timeout SECONDS             bound on the wait without --detached
  -- ARGS...                    program arguments, passed as a list (no shell re-splitting)
EOF
}

usage_jobs() {
    cat <<'EOF'
Usage: flink.sh jobs [--dir DIR]

Lists all jobs of the cluster, one per line: JOBID STATE NAME.
EOF
}

usage_cancel() {
    cat <<'EOF'
Usage: flink.sh cancel JOBID [--dir DIR] [--timeout SECONDS]

Cancels the job and waits (default 60 s) until it is CANCELED.
EOF
}

usage_savepoint() {
    cat <<'EOF'
Usage: flink.sh savepoint JOBID [DIR] [--dir CLUSTER_DIR] [--timeout SECONDS]

Triggers a savepoint into DIR (default: the cluster's savepoints folder), waits (default 300 s)
until it COMPLETED and prints its path. The job keeps running.
EOF
}

usage_stop_with_savepoint() {
    cat <<'EOF'
Usage: flink.sh stop-with-savepoint JOBID [DIR] [--dir CLUSTER_DIR] [--drain] [--timeout SECONDS]

Stops the job with a final savepoint into DIR (default: the cluster's savepoints folder), waits
(default 300 s) until the savepoint COMPLETED and the job FINISHED, and prints the savepoint path.
--drain emits MAX_WATERMARK first (fires all event-time timers), for a job that ends for good.
EOF
}

usage_wait_state() {
    cat <<'EOF'
Usage: flink.sh wait-state JOBID STATE [--dir DIR] [--timeout SECONDS] [--since EPOCH_MS] [--all-tasks]

Waits (default 120 s) until the job's state is STATE (RUNNING, FINISHED, CANCELED, FAILED, ...).
  --since EPOCH_MS   only count a transition into STATE at or after this time, e.g. the value printed
                     by kill-taskmanager: "running again after the kill", not "still running"
  --all-tasks        also require every task to be RUNNING or FINISHED (not just scheduled)
Fails early if the job ends in another terminal state.
EOF
}

usage_checkpoints() {
    cat <<'EOF'
Usage: flink.sh checkpoints JOBID [--dir DIR]

Prints key=value lines: completed, failed, restored (counts), latest_completed_id,
latest_completed_path, latest_restored_id, latest_restored_path, latest_restored_is_savepoint.
EOF
}

# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------

require_tools() {
    local tool
    for tool in "$JAVA" curl jq; do
        command -v "$tool" >/dev/null 2>&1 || die "'$tool' is required but not found"
    done
}

conf_dir() { echo "$DIR/conf"; }
pid_file() { echo "$DIR/run/$1.pid"; }

# Name of TaskManager K's process, its pid file and its logs.
tm_name() {
    [[ "$1" =~ ^[1-9][0-9]*$ ]] || die "TaskManager number must be a positive integer, got '$1'"
    echo "taskmanager-$1"
}

epoch_ms() { date +%s%3N; }

# Reads a top-level `key: value` line from the cluster's config.yaml.
conf_value() {
    local file="$DIR/conf/config.yaml"
    [[ -f "$file" ]] || die "no cluster config at $file (run 'flink.sh start' first or pass --dir)"
    sed -n "s/^$1: *//p" "$file" | tail -n 1
}

rest_url() {
    local port
    port="$(conf_value rest.port)" || return 1
    echo "http://$HOST:$port"
}

# Prints the pid recorded for a process name if that process still runs this cluster's config.
live_pid() {
    local file pid
    file="$(pid_file "$1")"
    [[ -f "$file" ]] || return 1
    pid="$(<"$file")"
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
    # Guards against a recycled pid: the command line must name this cluster's config folder.
    ps -ww -o args= -p "$pid" 2>/dev/null | grep -qF -- "--configDir $(conf_dir)" || return 1
    echo "$pid"
}

# shellcheck source=deploy/local/ports.sh
source "$(dirname "${BASH_SOURCE[0]}")/ports.sh"

# rest METHOD PATH [curl args...]: prints the response body; fails on transport errors and HTTP >= 400.
rest() {
    local method="$1" path="$2" url out code
    shift 2
    url="$(rest_url)$path" || return 1
    out="$(curl -sS --connect-timeout 3 --max-time 600 -X "$method" -w '\n%{http_code}' "$@" "$url")" \
        || { info "cannot reach $url"; return 1; }
    code="${out##*$'\n'}"
    out="${out%$'\n'*}"
    if ((code >= 400)); then
        # Server errors carry whole stack traces: keep each exception's message and its causes.
        info "$method $path: HTTP $code: $(jq -r '(.errors // [])[]' <<<"$out" 2>/dev/null \
            | grep -vE '^\s+(at |\.\.\. )|^\s*$|^<?End of exception|^<Exception on server side:' || echo "$out")"
        return 1
    fi
    printf '%s\n' "$out"
}

# Resolves the cluster classpath once per pom.xml version; later starts reuse the cached file.
resolve_classpath() {
    local stamp="$CLASSPATH_CACHE.stamp" want jar
    want="$(cksum <"$POM")"
    if [[ -s "$CLASSPATH_CACHE" && -f "$stamp" && "$(<"$stamp")" == "$want" ]]; then
        local missing=0
        local -a jars
        # The file has no trailing newline, so read reports end-of-file.
        IFS=: read -r -a jars <"$CLASSPATH_CACHE" || true
        for jar in "${jars[@]}"; do [[ -f "$jar" ]] || missing=1; done
        ((missing == 0)) && return 0
    fi
    info "resolving the Flink classpath with Maven (cached afterwards)"
    mkdir -p "$(dirname "$CLASSPATH_CACHE")"
    ${MVN:-mvn} -B -q -Dstyle.color=never -f "$POM" dependency:build-classpath -Dmdep.outputFile="$CLASSPATH_CACHE.tmp" >&2 \
        || die "mvn dependency:build-classpath failed for $POM"
    mv "$CLASSPATH_CACHE.tmp" "$CLASSPATH_CACHE"
    echo "$want" >"$stamp"
}

classpath() { cat "$CLASSPATH_CACHE"; }

# run_bash_java_utils COMMAND OUT_PREFIX: stores Flink's computed JVM args and -D options for a
# process kind in DIR/run/OUT_PREFIX.jvm and .dynamic (the two BASH_JAVA_UTILS_EXEC_RESULT lines),
# exactly as Flink's jobmanager.sh/taskmanager.sh compute them. Reused while config.yaml is unchanged.
run_bash_java_utils() {
    local command="$1" prefix="$2" output results stamp
    stamp="$(cksum <"$(conf_dir)/config.yaml") $(cksum <"$CLASSPATH_CACHE")"
    if [[ -f "$DIR/run/$prefix.stamp" && "$(<"$DIR/run/$prefix.stamp")" == "$stamp" ]]; then
        return 0
    fi
    output="$("$JAVA" -classpath "$(classpath)" "$BASH_JAVA_UTILS" "$command" --configDir "$(conf_dir)" 2>&1)" \
        || die "BashJavaUtils $command failed: $output"
    results="$(grep '^BASH_JAVA_UTILS_EXEC_RESULT:' <<<"$output" | sed 's/^BASH_JAVA_UTILS_EXEC_RESULT://')" || true
    [[ "$(wc -l <<<"$results")" -eq 2 ]] || die "BashJavaUtils $command: expected 2 result lines, got: $output"
    head -n 1 <<<"$results" >"$DIR/run/$prefix.jvm"
    tail -n 1 <<<"$results" >"$DIR/run/$prefix.dynamic"
    echo "$stamp" >"$DIR/run/$prefix.stamp"
}

write_config() {
    local tms="$1" slots="$2" rest_port="$3" rpc_port="$4" tm_mem="$5" jm_mem="$6" backend="$7"
    shift 7
    local extra
    cat >"$(conf_dir)/config.yaml" <<EOF
# Written by deploy/local/flink.sh start; rewritten on every start.
jobmanager.rpc.address: $HOST
jobmanager.rpc.port: $rpc_port
jobmanager.bind-host: $HOST
jobmanager.memory.process.size: $jm_mem
jobmanager.execution.failover-strategy: region

taskmanager.host: $HOST
taskmanager.bind-host: $HOST
taskmanager.numberOfTaskSlots: $slots
taskmanager.memory.process.size: $tm_mem
# Heap for tokenizers and parsing matters more than managed memory unless RocksDB is used.
taskmanager.memory.managed.fraction: 0.25
# Spread a job's slots over all TaskManagers, so killing one in a chaos test hits every job.
taskmanager.load-balance.mode: SLOTS

rest.address: $HOST
rest.bind-address: $HOST
rest.port: $rest_port

parallelism.default: 1

# A TaskManager that stops answering is declared dead after 2 failed heartbeat RPCs (a killed
# process refuses connections at once) or, at the latest, after heartbeat.timeout.
heartbeat.interval: 1s
heartbeat.timeout: 10s
heartbeat.rpc-failure-threshold: 2

restart-strategy.type: exponential-delay
restart-strategy.exponential-delay.initial-backoff: 1s
restart-strategy.exponential-delay.max-backoff: 10s
restart-strategy.exponential-delay.attempts-before-reset-backoff: 10

state.backend.type: $backend
execution.checkpointing.dir: file://$DIR/checkpoints
execution.checkpointing.savepoint-dir: file://$DIR/savepoints
execution.checkpointing.externalized-checkpoint-retention: RETAIN_ON_CANCELLATION

# DJL's native tokenizer library can be loaded by one classloader per JVM: take DJL (and JNA) from
# the cluster classpath for every job, so a second job on the same TaskManager keeps working.
classloader.parent-first-patterns.additional: ["ai.djl.", "com.sun.jna."]

# Read by Flink's own launch scripts; flink.sh passes the same options to every JVM it starts.
env.java.opts.all: "${JAVA17_OPTS[*]} ${VECTOR_OPTS[*]} -Dai.djl.offline=true"
EOF
    local key file
    file="$(conf_dir)/config.yaml"
    for extra in "$@"; do
        [[ "$extra" == *=* ]] || die "-D expects key=value, got '$extra'"
        key="${extra%%=*}"
        # A -D entry replaces the generated line of the same key: YAML keys must be unique.
        grep -v "^${key//./\\.}: " "$file" >"$file.tmp" || true
        echo "$key: ${extra#*=}" >>"$file.tmp"
        mv "$file.tmp" "$file"
    done
    cat >"$(conf_dir)/log4j.properties" <<'EOF'
# Written by deploy/local/flink.sh start. One rolling file per process, named by -Dlog.file.
monitorInterval = 30
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = MainAppender
logger.pekko.name = org.apache.pekko
logger.pekko.level = INFO
logger.kafka.name = org.apache.kafka
logger.kafka.level = INFO
logger.zookeeper.name = org.apache.flink.shaded.zookeeper3
logger.zookeeper.level = WARN
logger.netty.name = org.apache.flink.shaded.netty4.io.netty
logger.netty.level = WARN
appender.main.name = MainAppender
appender.main.type = RollingFile
appender.main.append = true
appender.main.fileName = ${sys:log.file}
appender.main.filePattern = ${sys:log.file}.%i
appender.main.layout.type = PatternLayout
appender.main.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n
appender.main.policies.type = Policies
appender.main.policies.size.type = SizeBasedTriggeringPolicy
appender.main.policies.size.size = 50MB
appender.main.policies.startup.type = OnStartupTriggeringPolicy
appender.main.strategy.type = DefaultRolloverStrategy
appender.main.strategy.max = 3
EOF
}

# launch NAME MAIN_CLASS JVM_ARGS_FILE DYNAMIC_ARGS_FILE [extra program args...]
# Starts one Flink JVM in the background, detached from this shell, and records its pid.
launch() {
    local name="$1" main="$2" jvm_file="$3" dynamic_file="$4"
    shift 4
    local log="$DIR/log/$name.log" out="$DIR/log/$name.out" tmp="$DIR/$name/tmp"
    local -a jvm_args dynamic_args
    read -r -a jvm_args <"$jvm_file"
    read -r -a dynamic_args <"$dynamic_file"
    mkdir -p "$tmp" "$DIR/djl-cache" "$DIR/plugins"
    [[ -s "$out" ]] && mv "$out" "$out.1"
    # The subshell execs into the JVM, so $! is the JVM's pid; cwd is DIR, not the caller's.
    (
        cd "$DIR"
        exec nohup env DJL_OFFLINE=true DJL_CACHE_DIR="$DIR/djl-cache" FLINK_PLUGINS_DIR="$DIR/plugins" \
            "$JAVA" "${jvm_args[@]}" "${JAVA17_OPTS[@]}" "${VECTOR_OPTS[@]}" -Dai.djl.offline=true \
            -Dlog.file="$log" -Dlog4j.configurationFile="file:$(conf_dir)/log4j.properties" \
            -classpath "$(classpath)" "$main" --configDir "$(conf_dir)" \
            "${dynamic_args[@]}" -D "io.tmp.dirs=$tmp" "$@" \
            >"$out" 2>&1 </dev/null
    ) &
    echo $! >"$(pid_file "$name")"
}

# A fresh resource id per launch: the JobManager sees a restarted TaskManager as a new one, and the
# REST API's TaskManager ids tell which process is which.
launch_taskmanager() {
    local name resource_id
    name="$(tm_name "$1")"
    resource_id="$name-$(date +%s)-$RANDOM"
    echo "$resource_id" >"$DIR/run/$name.resource-id"
    launch "$name" "$TM_MAIN" "$DIR/run/taskmanager.jvm" "$DIR/run/taskmanager.dynamic" \
        -D "taskmanager.resource-id=$resource_id"
}

registered_tm_ids() {
    rest GET /taskmanagers 2>/dev/null | jq -r '.taskmanagers[].id'
}

tm_registered() {
    registered_tm_ids | grep -qxF "$(<"$DIR/run/$1.resource-id")"
}

# Fails with the tail of a process's log if it is not running any more.
check_alive() {
    local name="$1"
    if ! live_pid "$name" >/dev/null; then
        info "$name exited during start-up; last lines of $DIR/log/$name.out and .log:"
        tail -n 20 "$DIR/log/$name.out" "$DIR/log/$name.log" >&2 2>/dev/null || true
        return 1
    fi
}

print_process() {
    local name="$1" pid="$2"
    if [[ "$name" == jobmanager ]]; then
        echo "flink-jobmanager: rest=$(rest_url) pid=$pid log=$DIR/log/$name.log"
    else
        echo "flink-$name: pid=$pid log=$DIR/log/$name.log"
    fi
}

# Sends a signal to a process and waits up to TIMEOUT seconds for it to be gone.
terminate() {
    local name="$1" signal="$2" timeout="$3" pid deadline
    pid="$(live_pid "$name")" || { rm -f "$(pid_file "$name")"; return 0; }
    kill "-$signal" "$pid" 2>/dev/null || true
    deadline=$((SECONDS + timeout))
    while kill -0 "$pid" 2>/dev/null; do
        ((SECONDS < deadline)) || return 1
        sleep 0.2
    done
    rm -f "$(pid_file "$name")"
}

all_process_names() {
    local file
    [[ -d "$DIR/run" ]] || return 0
    echo jobmanager
    # A killed TaskManager has no pid file any more but keeps its resource-id file.
    for file in "$DIR"/run/taskmanager-*.pid "$DIR"/run/taskmanager-*.resource-id; do
        [[ -e "$file" ]] && basename "${file%.*}"
    done | sort -t- -k2,2n -u
    return 0
}

# ---------------------------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------------------------

# Stops whatever a failed start launched, so no half cluster is left behind.
abort_start() {
    info "$1; stopping what was started"
    cmd_stop >/dev/null 2>&1 || true
    exit 1
}

cmd_start() {
    local tms=2 slots=2 rest_port=8081 rpc_port=6123 tm_mem=1536m jm_mem=1024m backend=hashmap
    local timeout=120
    local -a extra=()
    while (($# > 0)); do
        case "$1" in
            --taskmanagers) tms="$2"; shift 2 ;;
            --slots) slots="$2"; shift 2 ;;
            --rest-port) rest_port="$2"; shift 2 ;;
            --rpc-port) rpc_port="$2"; shift 2 ;;
            --tm-memory) tm_mem="$2"; shift 2 ;;
            --jm-memory) jm_mem="$2"; shift 2 ;;
            --state-backend) backend="$2"; shift 2 ;;
            --timeout) timeout="$2"; shift 2 ;;
            -D) extra+=("$2"); shift 2 ;;
            -D*) extra+=("${1#-D}"); shift ;;
            --dir) DIR="$2"; shift 2 ;;
            -h | --help) usage_start; return 0 ;;
            *) die "start: unknown option '$1' (see flink.sh start --help)" ;;
        esac
    done
    [[ "$tms" =~ ^[1-9][0-9]*$ ]] || die "--taskmanagers must be a positive integer"
    [[ "$slots" =~ ^[1-9][0-9]*$ ]] || die "--slots must be a positive integer"
    [[ "$backend" == hashmap || "$backend" == rocksdb ]] || die "--state-backend must be hashmap or rocksdb"
    mkdir -p "$DIR"
    DIR="$(cd "$DIR" && pwd -P)"

    local name pid
    for name in $(all_process_names); do
        pid="$(live_pid "$name")" && die "$name is already running in $DIR (pid $pid); run 'flink.sh stop' first"
    done
    rm -f "$DIR"/run/*.pid "$DIR"/run/*.resource-id
    [[ "$rest_port" == 0 ]] && rest_port="$(free_port)"
    [[ "$rpc_port" == 0 ]] && rpc_port="$(free_port)"
    port_in_use "$rest_port" && die "port $HOST:$rest_port (REST) is in use; pass --rest-port"
    port_in_use "$rpc_port" && die "port $HOST:$rpc_port (JobManager RPC) is in use; pass --rpc-port"

    local started_at=$SECONDS
    resolve_classpath
    mkdir -p "$(conf_dir)" "$DIR/run" "$DIR/log" "$DIR/checkpoints" "$DIR/savepoints"
    write_config "$tms" "$slots" "$rest_port" "$rpc_port" "$tm_mem" "$jm_mem" "$backend" "${extra[@]+"${extra[@]}"}"
    # Two JVM starts: run them side by side.
    run_bash_java_utils GET_JM_RESOURCE_PARAMS jobmanager &
    local jm_params=$!
    run_bash_java_utils GET_TM_RESOURCE_PARAMS taskmanager || exit 1
    wait "$jm_params" || exit 1

    launch jobmanager "$JM_MAIN" "$DIR/run/jobmanager.jvm" "$DIR/run/jobmanager.dynamic"
    local k
    for k in $(seq 1 "$tms"); do
        launch_taskmanager "$k"
    done

    local deadline=$((SECONDS + timeout)) registered=0
    while :; do
        for name in $(all_process_names); do
            check_alive "$name" || abort_start "$name did not start"
        done
        registered="$(registered_tm_ids | wc -l)" || registered=0
        ((registered >= tms)) && break
        ((SECONDS < deadline)) \
            || abort_start "only $registered of $tms TaskManagers registered after ${timeout}s; see $DIR/log"
        sleep 0.5
    done
    print_process jobmanager "$(live_pid jobmanager)"
    for k in $(seq 1 "$tms"); do
        print_process "$(tm_name "$k")" "$(live_pid "$(tm_name "$k")")"
    done
    info "cluster up in $((SECONDS - started_at))s: $tms TaskManagers x $slots slots, dir=$DIR"
}

cmd_stop() {
    while (($# > 0)); do
        case "$1" in
            --dir) DIR="$2"; shift 2 ;;
            -h | --help) usage_stop; return 0 ;;
            *) die "stop: unknown option '$1' (see flink.sh stop --help)" ;;
        esac
    done
    [[ -d "$DIR" ]] || { info "nothing to stop in $DIR"; return 0; }
    DIR="$(cd "$DIR" && pwd -P)"
    local name stopped=0
    # TaskManagers first, so they do not log a lost JobManager on the way down.
    for name in $(all_process_names | tac); do
        live_pid "$name" >/dev/null && stopped=$((stopped + 1))
        terminate "$name" TERM 30 || terminate "$name" KILL 10 || die "could not stop $name"
    done
    info "stopped $stopped processes in $DIR"
}

cmd_status() {
    while (($# > 0)); do
        case "$1" in
            --dir) DIR="$2"; shift 2 ;;
            -h | --help) usage_status; return 0 ;;
            *) die "status: unknown option '$1' (see flink.sh status --help)" ;;
        esac
    done
    [[ -f "$DIR/conf/config.yaml" ]] || { echo "flink: no cluster in $DIR"; return 3; }
    DIR="$(cd "$DIR" && pwd -P)"
    local name pid
    for name in $(all_process_names); do
        if pid="$(live_pid "$name")"; then
            print_process "$name" "$pid"
        else
            echo "flink-$name: not running log=$DIR/log/$name.log"
        fi
    done
    live_pid jobmanager >/dev/null || { echo "flink: not running (dir $DIR)"; return 3; }
    rest GET /overview | jq -r '"flink-overview: taskmanagers=\(.taskmanagers) slots=\(."slots-total") slots-free=\(."slots-available") jobs-running=\(."jobs-running") version=\(."flink-version")"' \
        || return 3
}

cmd_start_taskmanager() {
    local k="" timeout=60
    while (($# > 0)); do
        case "$1" in
            --dir) DIR="$2"; shift 2 ;;
            --timeout) timeout="$2"; shift 2 ;;
            -h | --help) usage_start_taskmanager; return 0 ;;
            -*) die "start-taskmanager: unknown option '$1'" ;;
            *) k="$1"; shift ;;
        esac
    done
    [[ -n "$k" ]] || die "start-taskmanager: missing K (see --help)"
    DIR="$(cd "$DIR" 2>/dev/null && pwd -P)" || die "no cluster directory $DIR"
    local name pid
    name="$(tm_name "$k")"
    pid="$(live_pid "$name")" && die "$name is already running (pid $pid)"
    live_pid jobmanager >/dev/null || die "the JobManager is not running; use 'flink.sh start'"
    resolve_classpath
    launch_taskmanager "$k"
    local deadline=$((SECONDS + timeout))
    until tm_registered "$name"; do
        check_alive "$name" || die "$name did not start"
        ((SECONDS < deadline)) || die "$name did not register within ${timeout}s; see $DIR/log/$name.log"
        sleep 0.5
    done
    print_process "$name" "$(live_pid "$name")"
}

cmd_kill_taskmanager() {
    local k=""
    while (($# > 0)); do
        case "$1" in
            --dir) DIR="$2"; shift 2 ;;
            -h | --help) usage_kill_taskmanager; return 0 ;;
            -*) die "kill-taskmanager: unknown option '$1'" ;;
            *) k="$1"; shift ;;
        esac
    done
    [[ -n "$k" ]] || die "kill-taskmanager: missing K (see --help)"
    DIR="$(cd "$DIR" 2>/dev/null && pwd -P)" || die "no cluster directory $DIR"
    local name pid killed_at
    name="$(tm_name "$k")"
    pid="$(live_pid "$name")" || die "$name is not running"
    killed_at="$(epoch_ms)"
    terminate "$name" KILL 10 || die "could not kill $name (pid $pid)"
    echo "flink-$name: killed pid=$pid at_ms=$killed_at"
}

# Prints its arguments as a JSON array of strings, whatever characters they contain.
json_array() {
    # Option values reach jq verbatim (newlines, leading dashes), unlike positional arguments.
    local -a named=()
    local i=0 arg
    for arg in "$@"; do
        named+=(--arg "a$i" "$arg")
        i=$((i + 1))
    done
    jq -n "${named[@]+"${named[@]}"}" --argjson n "$#" '[range($n) as $i | $ARGS.named["a\($i)"]]'
}

cmd_submit() {
    local jar="" entry="" parallelism="" detached=0 savepoint="" allow_non_restored=false timeout=0
    local -a args=()
    while (($# > 0)); do
        case "$1" in
            --dir) DIR="$2"; shift 2 ;;
            --class) entry="$2"; shift 2 ;;
            --parallelism) parallelism="$2"; shift 2 ;;
            --detached) detached=1; shift ;;
            --savepoint) savepoint="$2"; shift 2 ;;
            --allow-non-restored-state) allow_non_restored=true; shift ;;
            --timeout) timeout="$2"; shift 2 ;;
            -h | --help) usage_submit; return 0 ;;
            --) shift; args=("$@"); break ;;
            -*) die "submit: unknown option '$1' (see flink.sh submit --help)" ;;
            *) [[ -z "$jar" ]] || die "submit: one JAR only (program arguments go after --)"; jar="$1"; shift ;;
        esac
    done
    [[ -n "$jar" ]] || die "submit: missing JAR (see --help)"
    [[ -f "$jar" ]] || die "submit: no such file $jar"
    local upload jar_id request job_id
    upload="$(rest POST /jars/upload -H "Expect:" -F "jarfile=@$jar")" \
        || die "upload of $jar failed"
    jar_id="$(jq -r '.filename' <<<"$upload" | sed 's#.*/##')"
    request="$(json_array "${args[@]+"${args[@]}"}" | jq --arg entry "$entry" --arg p "$parallelism" \
        --arg sp "$savepoint" --argjson allow "$allow_non_restored" '
        {programArgsList: ., allowNonRestoredState: $allow}
        + (if $entry != "" then {entryClass: $entry} else {} end)
        + (if $p != "" then {parallelism: ($p | tonumber)} else {} end)
        + (if $sp != "" then {savepointPath: $sp} else {} end)')"
    job_id="$(rest POST "/jars/$jar_id/run" -H 'Content-Type: application/json' -d "$request" | jq -r '.jobid')" \
        || { rest DELETE "/jars/$jar_id" >/dev/null 2>&1 || true; die "running $jar failed"; }
    # The job graph and its jar now live in the blob server; the uploaded copy is no longer needed.
    rest DELETE "/jars/$jar_id" >/dev/null 2>&1 || true
    echo "$job_id"
    ((detached == 1)) && return 0
    cmd_wait_state "$job_id" FINISHED --timeout "$timeout" >&2
}

cmd_jobs() {
    while (($# > 0)); do
        case "$1" in
            --dir) DIR="$2"; shift 2 ;;
            -h | --help) usage_jobs; return 0 ;;
            *) die "jobs: unknown option '$1'" ;;
        esac
    done
    rest GET /jobs/overview | jq -r '.jobs | sort_by(."start-time") | .[] | "\(.jid) \(.state) \(.name)"'
}

cmd_cancel() {
    local job="" timeout=60
    while (($# > 0)); do
        case "$1" in
            --dir) DIR="$2"; shift 2 ;;
            --timeout) timeout="$2"; shift 2 ;;
            -h | --help) usage_cancel; return 0 ;;
            -*) die "cancel: unknown option '$1'" ;;
            *) job="$1"; shift ;;
        esac
    done
    [[ -n "$job" ]] || die "cancel: missing JOBID (see --help)"
    rest PATCH "/jobs/$job?mode=cancel" >/dev/null || die "cancel of $job failed"
    cmd_wait_state "$job" CANCELED --timeout "$timeout"
}

# poll_savepoint JOBID TRIGGER TIMEOUT: waits for an asynchronous savepoint and prints its path.
poll_savepoint() {
    local job="$1" trigger="$2" timeout="$3" body status deadline
    deadline=$((SECONDS + timeout))
    while :; do
        body="$(rest GET "/jobs/$job/savepoints/$trigger")" || die "savepoint status of $job unavailable"
        status="$(jq -r '.status.id' <<<"$body")"
        if [[ "$status" == COMPLETED ]]; then
            jq -e -r '.operation.location // empty' <<<"$body" && return 0
            die "savepoint of $job failed: $(jq -r '.operation."failure-cause"."stack-trace" // .operation' <<<"$body" | head -n 5)"
        fi
        ((SECONDS < deadline)) || die "savepoint of $job not completed within ${timeout}s (status $status)"
        sleep 0.5
    done
}

savepoint_target() {
    local target="${1:-}"
    [[ -n "$target" ]] || target="$DIR/savepoints"
    if [[ "$target" != *://* ]]; then
        mkdir -p "$target"
        target="file://$(cd "$target" && pwd -P)"
    fi
    echo "$target"
}

cmd_savepoint() {
    local job="" target="" timeout=300
    while (($# > 0)); do
        case "$1" in
            --dir) DIR="$2"; shift 2 ;;
            --timeout) timeout="$2"; shift 2 ;;
            -h | --help) usage_savepoint; return 0 ;;
            -*) die "savepoint: unknown option '$1'" ;;
            *) if [[ -z "$job" ]]; then job="$1"; else target="$1"; fi; shift ;;
        esac
    done
    [[ -n "$job" ]] || die "savepoint: missing JOBID (see --help)"
    local request trigger
    request="$(jq -n --arg t "$(savepoint_target "$target")" '{"target-directory": $t, "cancel-job": false}')"
    trigger="$(rest POST "/jobs/$job/savepoints" -H 'Content-Type: application/json' -d "$request" \
        | jq -r '."request-id"')" || die "savepoint trigger for $job failed"
    poll_savepoint "$job" "$trigger" "$timeout"
}

cmd_stop_with_savepoint() {
    local job="" target="" timeout=300 drain=false
    while (($# > 0)); do
        case "$1" in
            --dir) DIR="$2"; shift 2 ;;
            --timeout) timeout="$2"; shift 2 ;;
            --drain) drain=true; shift ;;
            -h | --help) usage_stop_with_savepoint; return 0 ;;
            -*) die "stop-with-savepoint: unknown option '$1'" ;;
            *) if [[ -z "$job" ]]; then job="$1"; else target="$1"; fi; shift ;;
        esac
    done
    [[ -n "$job" ]] || die "stop-with-savepoint: missing JOBID (see --help)"
    local request trigger location
    request="$(jq -n --arg t "$(savepoint_target "$target")" --argjson d "$drain" '{targetDirectory: $t, drain: $d}')"
    trigger="$(rest POST "/jobs/$job/stop" -H 'Content-Type: application/json' -d "$request" \
        | jq -r '."request-id"')" || die "stop-with-savepoint trigger for $job failed"
    location="$(poll_savepoint "$job" "$trigger" "$timeout")"
    cmd_wait_state "$job" FINISHED --timeout 60 >/dev/null
    echo "$location"
}

cmd_wait_state() {
    local job="" want="" timeout=120 since=0 all_tasks=false
    while (($# > 0)); do
        case "$1" in
            --dir) DIR="$2"; shift 2 ;;
            --timeout) timeout="$2"; shift 2 ;;
            --since) since="$2"; shift 2 ;;
            --all-tasks) all_tasks=true; shift ;;
            -h | --help) usage_wait_state; return 0 ;;
            -*) die "wait-state: unknown option '$1'" ;;
            *) if [[ -z "$job" ]]; then job="$1"; else want="$1"; fi; shift ;;
        esac
    done
    [[ -n "$job" && -n "$want" ]] || die "wait-state: needs JOBID and STATE (see --help)"
    want="$(tr '[:lower:]' '[:upper:]' <<<"$want")"
    rest GET "/jobs/$job" >/dev/null || die "job $job is unknown to the cluster"
    local deadline=$((SECONDS + timeout)) body state="UNKNOWN" verdict
    while :; do
        if body="$(rest GET "/jobs/$job" 2>/dev/null)"; then
            state="$(jq -r '.state' <<<"$body")"
            verdict="$(jq -r --arg want "$want" --argjson since "$since" --argjson all "$all_tasks" '
                (.timestamps[$want] // 0) as $entered
                | ([.vertices[].tasks | to_entries[] | select(.value > 0) | .key]
                   | all(. == "RUNNING" or . == "FINISHED")) as $tasks_ok
                | if .state == $want and $entered >= $since and (($all | not) or $tasks_ok) then "reached"
                  elif (.state | IN("FINISHED", "FAILED", "CANCELED", "SUSPENDED")) then "ended"
                  else "waiting" end' <<<"$body")"
            case "$verdict" in
                reached) echo "$job $state"; return 0 ;;
                ended) die "job $job is $state, will never become $want" ;;
            esac
        fi
        if ((timeout > 0 && SECONDS >= deadline)); then
            die "job $job not $want within ${timeout}s (last state $state)"
        fi
        sleep 0.5
    done
}

cmd_checkpoints() {
    local job=""
    while (($# > 0)); do
        case "$1" in
            --dir) DIR="$2"; shift 2 ;;
            -h | --help) usage_checkpoints; return 0 ;;
            -*) die "checkpoints: unknown option '$1'" ;;
            *) job="$1"; shift ;;
        esac
    done
    [[ -n "$job" ]] || die "checkpoints: missing JOBID (see --help)"
    rest GET "/jobs/$job/checkpoints" | jq -r '
        "completed=\(.counts.completed)", "failed=\(.counts.failed)", "restored=\(.counts.restored)",
        "latest_completed_id=\(.latest.completed.id // "")",
        "latest_completed_path=\(.latest.completed.external_path // "")",
        "latest_restored_id=\(.latest.restored.id // "")",
        "latest_restored_path=\(.latest.restored.external_path // "")",
        "latest_restored_is_savepoint=\(.latest.restored.is_savepoint // "")"'
}

main() {
    while (($# > 0)); do
        case "$1" in
            --dir) DIR="$2"; shift 2 ;;
            -h | --help | help) usage; return 0 ;;
            -*) die "unknown option '$1' (see flink.sh --help)" ;;
            *) break ;;
        esac
    done
    (($# > 0)) || { usage >&2; exit 2; }
    local command="$1"
    shift
    require_tools
    case "$command" in
        start) cmd_start "$@" ;;
        stop) cmd_stop "$@" ;;
        status) cmd_status "$@" ;;
        start-taskmanager) cmd_start_taskmanager "$@" ;;
        kill-taskmanager) cmd_kill_taskmanager "$@" ;;
        submit) cmd_submit "$@" ;;
        jobs) cmd_jobs "$@" ;;
        cancel) cmd_cancel "$@" ;;
        savepoint) cmd_savepoint "$@" ;;
        stop-with-savepoint) cmd_stop_with_savepoint "$@" ;;
        wait-state) cmd_wait_state "$@" ;;
        checkpoints) cmd_checkpoints "$@" ;;
        *) die "unknown command '$command' (see flink.sh --help)" ;;
    esac
}

main "$@"
