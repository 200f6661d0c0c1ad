#!/usr/bin/env bash
# The whole local stack in one command: a Kafka broker (kafka.sh) and a Flink session cluster with
# one JobManager and two TaskManagers (flink.sh), each a separate background process on 127.0.0.1,
# plus submission of the streamprep job jar to that cluster. Run `stack.sh --help`.
#
# Everything lives under one directory, --dir (default <repo>/.run): DIR/kafka for the broker and
# DIR/flink for the cluster, the same folders `kafka.sh` and `flink.sh` use by default, so those
# scripts (and `bin/streamprep kafka|cluster`) see the same services. DIR/stack.env records the
# ports chosen at start for the later commands.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd -P)"
readonly SCRIPT_DIR REPO_ROOT
readonly KAFKA_SH="$SCRIPT_DIR/kafka.sh"
readonly FLINK_SH="$SCRIPT_DIR/flink.sh"
readonly MAIN_CLASS=io.streamprep.jobs.text.TextPipelineMain
readonly HOST=127.0.0.1
DIR="${STREAMPREP_STACK_DIR:-$REPO_ROOT/.run}"

die() {
    echo "stack.sh: $*" >&2
    exit 1
}

info() {
    echo "stack.sh: $*" >&2
}

usage() {
    cat <<'EOF'
Usage: stack.sh [--dir DIR] COMMAND [options]

A local Kafka broker and Flink session cluster (1 JobManager, 2 TaskManagers by default) as
separate background processes on 127.0.0.1, and the streamprep job on it.

Commands:
  start [options]        start the broker, then the cluster; print addresses and process ids
  stop                   stop the cluster, then the broker (idempotent)
  status                 show both; exit 3 unless both run
  submit [options]       submit the job jar (TextPipelineMain, detached); print the job id
  flink ARGS...          any flink.sh command on this stack's cluster, e.g. `flink jobs`,
                         `flink kill-taskmanager 1`, `flink stop-with-savepoint JOBID`
  kafka ARGS...          any kafka.sh command on this stack's broker, e.g. `kafka logs`

Global option:
  --dir DIR   the stack's directory (default <repo>/.run or $STREAMPREP_STACK_DIR): the broker in
              DIR/kafka, the cluster in DIR/flink. start, stop, status and submit also accept it
              after the command name; for flink and kafka it must come before.

Run `stack.sh start --help` or `stack.sh submit --help` for their options.
EOF
}

usage_start() {
    cat <<'EOF'
Usage: stack.sh start [--dir DIR] [--kafka-port P] [--rest-port P] [--rpc-port P]
                      [--taskmanagers N] [--slots S] [--tm-memory SIZE] [-D key=value ...]

Starts the broker (kafka.sh start) and then the Flink cluster (flink.sh start) and prints one line
per process, with its address and pid. If the cluster fails to start, the broker is stopped again.

  --kafka-port P      broker client port (default 9092; 0 picks a free port; the KRaft controller
                      uses another free port)
  --rest-port P       Flink REST/web port (default 8081; 0 picks a free port)
  --rpc-port P        JobManager RPC port (default 6123; 0 picks a free port)
  --taskmanagers N    TaskManagers (default 2)
  --slots S           task slots per TaskManager (default 2)
  --tm-memory SIZE    taskmanager.memory.process.size (default: flink.sh's, 1536m)
  -D key=value        extra Flink config.yaml entry (repeatable)
EOF
}

usage_submit() {
    cat <<'EOF'
Usage: stack.sh submit [--dir DIR] --config FILE [--set key=value ...] [--savepoint PATH
                       [--allow-non-restored-state]] [--jar JAR]

Submits the streamprep job jar to the stack's cluster, detached, and prints the job id. The
arguments are those of `streamprep run` (the jar's entry point is TextPipelineMain): --config is
required because the shipped example config is not found from inside the JobManager, and the
config file's path is made absolute. The job runs in the JobManager's working directory
(DIR/flink), so give absolute paths in --set values too.

  --config FILE                 YAML config (see config/ and `bin/streamprep options`)
  --set key=value               override a key; repeatable
  --savepoint PATH              start from this savepoint or retained checkpoint
  --allow-non-restored-state    skip savepoint state that maps to no operator
  --jar JAR                     the job jar (default: jobs/target/streamprep-jobs-*-job.jar,
                                built with Maven first if it is missing)

The sources and sinks are whatever the config says: point source.kafka.bootstrap-servers and
sink.kafka.bootstrap-servers at the broker `stack.sh status` prints.
EOF
}

env_file() { echo "$DIR/stack.env"; }

# Prints the value of KEY from DIR/stack.env.
env_value() {
    [[ -f "$(env_file)" ]] || die "no stack in $DIR (run 'stack.sh start' first or pass --dir)"
    sed -n "s/^$1=//p" "$(env_file)" | tail -n 1
}

# shellcheck source=deploy/local/ports.sh
source "$(dirname "${BASH_SOURCE[0]}")/ports.sh"

kafka() {
    "$KAFKA_SH" "$1" --dir "$DIR/kafka" --port "$(env_value kafka_port)" \
        --controller-port "$(env_value kafka_controller_port)" "${@:2}"
}

flink() {
    "$FLINK_SH" --dir "$DIR/flink" "$@"
}

cmd_start() {
    local kafka_port=9092
    local -a flink_args=()
    while (($# > 0)); do
        case "$1" in
            --dir) DIR="$2"; shift 2 ;;
            --kafka-port) kafka_port="$2"; shift 2 ;;
            --rest-port | --rpc-port | --taskmanagers | --slots | --tm-memory | -D)
                flink_args+=("$1" "$2"); shift 2 ;;
            -D*) flink_args+=("$1"); shift ;;
            -h | --help) usage_start; return 0 ;;
            *) die "start: unknown option '$1' (see stack.sh start --help)" ;;
        esac
    done
    [[ "$kafka_port" =~ ^[0-9]+$ ]] || die "--kafka-port must be a number, got '$kafka_port'"
    mkdir -p "$DIR"
    DIR="$(cd "$DIR" && pwd -P)"
    if [[ -f "$(env_file)" ]] && flink status >/dev/null 2>&1; then
        die "a stack is already running in $DIR; run 'stack.sh stop' first"
    fi
    local controller_port attempt pick_kafka_port=false
    [[ "$kafka_port" == 0 ]] && pick_kafka_port=true
    # Free ports are checked, then bound by another process: retry with new ones if that loses a race.
    for attempt in 1 2 3; do
        [[ "$pick_kafka_port" == true ]] && kafka_port="$(free_port)"
        controller_port="$(free_port)"
        while ((controller_port == kafka_port)); do controller_port="$(free_port)"; done
        printf 'kafka_port=%s\nkafka_controller_port=%s\n' "$kafka_port" "$controller_port" >"$(env_file)"
        kafka start && break
        ((attempt < 3)) || die "the Kafka broker did not start (see $DIR/kafka/kafka.log)"
        info "the Kafka broker did not start; retrying on other ports"
    done
    if ! flink start "${flink_args[@]+"${flink_args[@]}"}"; then
        info "the Flink cluster did not start; stopping the broker"
        kafka stop >&2 || true
        exit 1
    fi
    info "stack up: kafka bootstrap=$HOST:$kafka_port, flink $(flink_rest_url), dir=$DIR"
}

flink_rest_url() {
    echo "rest=http://$HOST:$(sed -n 's/^rest.port: *//p' "$DIR/flink/conf/config.yaml" | tail -n 1)"
}

cmd_stop() {
    while (($# > 0)); do
        case "$1" in
            --dir) DIR="$2"; shift 2 ;;
            -h | --help) echo "Usage: stack.sh stop [--dir DIR]   (cluster first, then broker)"; return 0 ;;
            *) die "stop: unknown option '$1'" ;;
        esac
    done
    [[ -f "$(env_file)" ]] || { info "no stack in $DIR"; return 0; }
    local failed=0
    flink stop || failed=1
    kafka stop || failed=1
    ((failed == 0)) || die "some processes did not stop; see the messages above"
}

cmd_status() {
    while (($# > 0)); do
        case "$1" in
            --dir) DIR="$2"; shift 2 ;;
            -h | --help) echo "Usage: stack.sh status [--dir DIR]   (exit 3 unless broker and cluster run)"; return 0 ;;
            *) die "status: unknown option '$1'" ;;
        esac
    done
    [[ -f "$(env_file)" ]] || { echo "stack: no stack in $DIR"; return 3; }
    local code=0
    kafka status || code=3
    flink status || code=3
    return "$code"
}

job_jar() {
    local jar
    jar="$(find "$REPO_ROOT/jobs/target" -maxdepth 1 -name 'streamprep-jobs-*-job.jar' 2>/dev/null | head -n 1)"
    if [[ -z "$jar" ]]; then
        info "building the job jar (mvn package)..."
        # Only the artifact is needed to submit; the tests are what mvn -B verify is for.
        (cd "$REPO_ROOT" && ${MVN:-mvn} -B -q -pl jobs -am package -DskipTests -Dspotless.check.skip=true) >&2 \
            || die "building the job jar failed"
        jar="$(find "$REPO_ROOT/jobs/target" -maxdepth 1 -name 'streamprep-jobs-*-job.jar' | head -n 1)"
        [[ -n "$jar" ]] || die "the build produced no jobs/target/streamprep-jobs-*-job.jar"
    fi
    echo "$jar"
}

cmd_submit() {
    local config="" jar=""
    local -a job_args=() submit_args=()
    while (($# > 0)); do
        case "$1" in
            --dir) DIR="$2"; shift 2 ;;
            --config) config="$2"; shift 2 ;;
            --set) job_args+=(--set "$2"); shift 2 ;;
            --savepoint) submit_args+=(--savepoint "$2"); shift 2 ;;
            --allow-non-restored-state) submit_args+=(--allow-non-restored-state); shift ;;
            --jar) jar="$2"; shift 2 ;;
            -h | --help) usage_submit; return 0 ;;
            *) die "submit: unknown option '$1' (see stack.sh submit --help)" ;;
        esac
    done
    [[ -n "$config" ]] || die "submit: --config FILE is required (see stack.sh submit --help)"
    [[ -f "$config" ]] || die "submit: no such config file $config"
    config="$(cd "$(dirname "$config")" && pwd -P)/$(basename "$config")"
    [[ -f "$(env_file)" ]] || die "no stack in $DIR (run 'stack.sh start' first or pass --dir)"
    [[ -n "$jar" ]] || jar="$(job_jar)"
    info "submitting $jar ($(date -r "$jar" '+%F %T'))"

    # The job's own error messages (a bad config key, ...) go to the JobManager's stdout; show them.
    local out="$DIR/flink/log/jobmanager.out" before=0
    [[ -f "$out" ]] && before="$(wc -l <"$out")"
    if ! flink submit "$jar" --class "$MAIN_CLASS" --detached "${submit_args[@]+"${submit_args[@]}"}" \
        -- --config "$config" "${job_args[@]+"${job_args[@]}"}"; then
        if [[ -f "$out" ]]; then
            tail -n "+$((before + 1))" "$out" | grep '^streamprep:' >&2 || true
        fi
        die "submission failed"
    fi
}

main() {
    while (($# > 0)); do
        case "$1" in
            --dir) DIR="$2"; shift 2 ;;
            -h | --help | help) usage; return 0 ;;
            -*) die "unknown option '$1' (see stack.sh --help)" ;;
            *) break ;;
        esac
    done
    (($# > 0)) || { usage >&2; exit 2; }
    local command="$1"
    shift
    case "$command" in
        start) cmd_start "$@" ;;
        stop) cmd_stop "$@" ;;
        status) cmd_status "$@" ;;
        submit) cmd_submit "$@" ;;
        flink) flink "$@" ;;
        kafka) (($# > 0)) || die "kafka: missing command (see kafka.sh --help)"; kafka "$@" ;;
        *) die "unknown command '$command' (see stack.sh --help)" ;;
    esac
}

main "$@"
