#!/usr/bin/env bash
# A local single-node Kafka broker (KRaft, broker and controller in one process) on 127.0.0.1,
# run from Maven jars in the background. See --help.
set -euo pipefail

usage() {
    cat <<'USAGE'
Usage: deploy/local/kafka.sh COMMAND [options]

Commands:
  start       Start the broker in the background (no-op if it is already running), wait until it
              accepts connections, and print: kafka: bootstrap=127.0.0.1:PORT pid=PID log=FILE
  stop        Stop it: SIGTERM, then SIGKILL if it has not exited after --stop-timeout seconds.
              Succeeds if it is not running.
  status      Say whether it is running (exit 0) or not (exit 3).
  logs        Print the end of its log; 'logs -f' follows it.
  produce FILE --topic T
              Write each line of FILE as one record to topic T (Kafka's console producer,
              which decodes lines as UTF-8: invalid bytes arrive as U+FFFD)
  consume --topic T [--max N]
              Print the committed records of topic T from the beginning (read_committed), at
              most N (default: all there are now), then exit
  classpath   Print the broker's classpath (resolved once with Maven, then cached), e.g. for
              java -cp "$(deploy/local/kafka.sh classpath)" org.apache.kafka.tools.ConsoleProducer ...

Options:
  --port N              client (PLAINTEXT) port; default 9092
  --controller-port N   KRaft controller port; default PORT+1
  --dir DIR             state folder (data, log, pid, config); default <repo>/.run/kafka
  --partitions N        partitions of automatically created topics; default 1
  --topic T             topic of 'produce' and 'consume'
  --max N               at most N records in 'consume'
  --start-timeout S     seconds to wait for the port in 'start'; default 60
  --stop-timeout S      seconds to wait after SIGTERM in 'stop'; default 30
  -h, --help            this help

Environment:
  JAVA_HOME             the JDK to run (else 'java' on the PATH)
  KAFKA_HEAP_OPTS       broker JVM heap options; default -Xms256m -Xmx1g
  MVN                   the Maven command; default mvn

The broker listens on 127.0.0.1 only, keeps its data in DIR/data across restarts (delete DIR to
start afresh), uses replication factor 1 for every internal topic so transactions and consumer
groups work, caps transaction timeouts at 15 min (transaction.max.timeout.ms), and creates topics
on first use. Stop with the same --dir it was started with.
USAGE
}

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
POM="$REPO_ROOT/deploy/local/kafka/pom.xml"

PORT=9092
CONTROLLER_PORT=""
DIR="$REPO_ROOT/.run/kafka"
PARTITIONS=1
START_TIMEOUT=60
STOP_TIMEOUT=30
FOLLOW=false
TOPIC=""
MAX=""
FILE_ARG=""

die() {
    echo "kafka: $*" >&2
    exit 1
}

is_uint() {
    [[ "$1" =~ ^[0-9]+$ ]]
}

option_of() {
    echo "--$1" | tr '[:upper:]_' '[:lower:]-'
}

parse_args() {
    while [[ $# -gt 0 ]]; do
        case "$1" in
            --port) PORT="${2:?--port needs a value}"; shift 2 ;;
            --controller-port) CONTROLLER_PORT="${2:?--controller-port needs a value}"; shift 2 ;;
            --dir) DIR="${2:?--dir needs a value}"; shift 2 ;;
            --partitions) PARTITIONS="${2:?--partitions needs a value}"; shift 2 ;;
            --start-timeout) START_TIMEOUT="${2:?--start-timeout needs a value}"; shift 2 ;;
            --stop-timeout) STOP_TIMEOUT="${2:?--stop-timeout needs a value}"; shift 2 ;;
            --topic) TOPIC="${2:?--topic needs a value}"; shift 2 ;;
            --max) MAX="${2:?--max needs a value}"; shift 2 ;;
            -f) FOLLOW=true; shift ;;
            -*) die "unknown option '$1' (see --help)" ;;
            *) [[ -z "$FILE_ARG" ]] || die "unexpected argument '$1'"; FILE_ARG="$1"; shift ;;
            -h|--help) usage; exit 0 ;;
        esac
    done
    local name value
    for name in PORT CONTROLLER_PORT PARTITIONS START_TIMEOUT STOP_TIMEOUT; do
        value="${!name}"
        [[ -z "$value" && "$name" == CONTROLLER_PORT ]] && continue
        is_uint "$value" || die "$(option_of "$name") must be a whole number, but is '$value'"
    done
    CONTROLLER_PORT="${CONTROLLER_PORT:-$((PORT + 1))}"
    ((PORT >= 1 && PORT <= 65535)) || die "--port must be in 1..65535, but is $PORT"
    ((CONTROLLER_PORT >= 1 && CONTROLLER_PORT <= 65535)) \
        || die "--controller-port must be in 1..65535, but is $CONTROLLER_PORT"
    ((PORT != CONTROLLER_PORT)) || die "--port and --controller-port must differ"
    ((PARTITIONS >= 1)) || die "--partitions must be at least 1"
    mkdir -p "$DIR"
    DIR="$(cd "$DIR" && pwd)"
    PID_FILE="$DIR/kafka.pid"
    LOG_FILE="$DIR/kafka.log"
    CONFIG="$DIR/server.properties"
    LOG4J_CONFIG="$DIR/log4j2.properties"
    # Shared by every broker folder: resolving it takes Maven several seconds.
    CLASSPATH_FILE="$REPO_ROOT/deploy/local/kafka/target/classpath.txt"
}

java_cmd() {
    if [[ -n "${JAVA_HOME:-}" ]]; then
        echo "$JAVA_HOME/bin/java"
    else
        command -v java >/dev/null || die "no java on the PATH and JAVA_HOME is not set"
        echo java
    fi
}

# Resolves the classpath with Maven once; again only when the pom changes.
resolve_classpath() {
    if [[ ! -s "$CLASSPATH_FILE" || "$POM" -nt "$CLASSPATH_FILE" ]]; then
        echo "kafka: resolving the broker classpath with Maven (once)..." >&2
        local tmp="$CLASSPATH_FILE.tmp.$$"
        mkdir -p "$(dirname "$CLASSPATH_FILE")"
        if ! "${MVN:-mvn}" -q -B -f "$POM" dependency:build-classpath -Dmdep.outputFile="$tmp" \
            >"$tmp.log" 2>&1; then
            cat "$tmp.log" >&2
            die "could not resolve the classpath from $POM"
        fi
        rm -f "$tmp.log"
        mv "$tmp" "$CLASSPATH_FILE"
    fi
    cat "$CLASSPATH_FILE"
}

# The pid of our broker, if it is alive; a stale pid file (or a reused pid) counts as not running.
running_pid() {
    [[ -f "$PID_FILE" ]] || return 1
    local pid
    pid="$(cat "$PID_FILE")"
    is_uint "$pid" || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    if [[ -r "/proc/$pid/cmdline" ]]; then
        tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "kafka.Kafka $CONFIG" || return 1
    fi
    echo "$pid"
}

# shellcheck source=deploy/local/ports.sh
source "$(dirname "${BASH_SOURCE[0]}")/ports.sh"

write_config() {
    cat >"$CONFIG" <<EOF
# Written by deploy/local/kafka.sh on each start; edit the script, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$DIR/data

# One node: every internal topic has a single replica.
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
default.replication.factor=1
min.insync.replicas=1

group.initial.rebalance.delay.ms=0
transaction.max.timeout.ms=900000
auto.create.topics.enable=true
num.partitions=$PARTITIONS
EOF
    cat >"$LOG4J_CONFIG" <<'EOF'
status = warn
appender.console.type = Console
appender.console.name = STDOUT
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = info
rootLogger.appenderRef.stdout.ref = STDOUT
logger.request.name = kafka.request.logger
logger.request.level = warn
logger.state.name = state.change.logger
logger.state.level = warn
EOF
}

format_storage() {
    local java="$1" classpath="$2"
    [[ -f "$DIR/data/meta.properties" ]] && return 0
    local cluster_id
    cluster_id="$("$java" -cp "$classpath" kafka.tools.StorageTool random-uuid)"
    echo "kafka: formatting $DIR/data (cluster id $cluster_id)" >&2
    "$java" -cp "$classpath" kafka.tools.StorageTool format -t "$cluster_id" -c "$CONFIG" \
        >>"$LOG_FILE" 2>&1 || die "formatting storage failed; see $LOG_FILE"
}

print_running() {
    echo "kafka: bootstrap=127.0.0.1:$PORT pid=$1 log=$LOG_FILE"
}

cmd_start() {
    local pid
    if pid="$(running_pid)"; then
        print_running "$pid"
        return 0
    fi
    local port
    for port in "$PORT" "$CONTROLLER_PORT"; do
        if port_in_use "$port"; then
            die "port $port on 127.0.0.1 is already in use by another process"
        fi
    done
    local java classpath
    java="$(java_cmd)"
    classpath="$(resolve_classpath)"
    write_config
    format_storage "$java" "$classpath"
    # setsid detaches the broker from this shell's process group, so a Ctrl-C aimed at the caller
    # does not reach it; only 'stop' does.
    local detach=()
    command -v setsid >/dev/null && detach=(setsid)
    # shellcheck disable=SC2086 # KAFKA_HEAP_OPTS is a list of options
    nohup ${detach[@]+"${detach[@]}"} "$java" ${KAFKA_HEAP_OPTS:--Xms256m -Xmx1g} \
        -Dlog4j2.configurationFile="$LOG4J_CONFIG" \
        -cp "$classpath" kafka.Kafka "$CONFIG" >>"$LOG_FILE" 2>&1 </dev/null &
    pid=$!
    echo "$pid" >"$PID_FILE"
    local deadline=$((SECONDS + START_TIMEOUT))
    until port_in_use "$PORT"; do
        if ! kill -0 "$pid" 2>/dev/null; then
            rm -f "$PID_FILE"
            tail -n 30 "$LOG_FILE" >&2 || true
            die "the broker exited during start-up; see $LOG_FILE"
        fi
        if ((SECONDS >= deadline)); then
            die "port $PORT not open after ${START_TIMEOUT}s (pid $pid still running; see $LOG_FILE)"
        fi
        sleep 0.2
    done
    print_running "$pid"
}

cmd_stop() {
    local pid
    if ! pid="$(running_pid)"; then
        rm -f "$PID_FILE"
        echo "kafka: not running"
        return 0
    fi
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + STOP_TIMEOUT))
    while kill -0 "$pid" 2>/dev/null; do
        if ((SECONDS >= deadline)); then
            echo "kafka: pid $pid still running ${STOP_TIMEOUT}s after SIGTERM; sending SIGKILL" >&2
            kill -KILL "$pid" 2>/dev/null || true
            break
        fi
        sleep 0.2
    done
    rm -f "$PID_FILE"
    echo "kafka: stopped (pid $pid)"
}

cmd_status() {
    local pid
    if pid="$(running_pid)"; then
        if port_in_use "$PORT"; then
            echo "kafka: running, bootstrap=127.0.0.1:$PORT pid=$pid log=$LOG_FILE"
        else
            echo "kafka: running (pid $pid) but port $PORT is not open (starting, or another --port?)"
        fi
        return 0
    fi
    echo "kafka: not running"
    return 3
}

cmd_logs() {
    [[ -f "$LOG_FILE" ]] || die "no log yet at $LOG_FILE"
    if [[ "$FOLLOW" == true ]]; then
        exec tail -n 100 -f "$LOG_FILE"
    fi
    tail -n 100 "$LOG_FILE"
}

# Kafka's console tools log at INFO to stdout by default; keep stdout for the records.
tools_log_config() {
    local file="$DIR/tools-log4j2.properties"
    [[ -f "$file" ]] || cat >"$file" <<'PROPS'
rootLogger.level = WARN
rootLogger.appenderRef.stderr.ref = STDERR
appender.stderr.type = Console
appender.stderr.name = STDERR
appender.stderr.target = SYSTEM_ERR
appender.stderr.layout.type = PatternLayout
appender.stderr.layout.pattern = %d{HH:mm:ss} %-5p %c{1} - %m%n
PROPS
    echo "$file"
}

cmd_produce() {
    [[ -n "$TOPIC" ]] || die "produce needs --topic"
    [[ -n "$FILE_ARG" && -f "$FILE_ARG" ]] || die "produce needs an existing FILE, got '$FILE_ARG'"
    "$(java_cmd)" -cp "$(resolve_classpath)" -Dlog4j2.configurationFile="$(tools_log_config)" \
        org.apache.kafka.tools.ConsoleProducer --bootstrap-server "127.0.0.1:$PORT" \
        --topic "$TOPIC" --producer-property acks=all <"$FILE_ARG"
    echo "kafka: wrote $(grep -c '' "$FILE_ARG") lines of $FILE_ARG to $TOPIC"
}

cmd_consume() {
    [[ -n "$TOPIC" ]] || die "consume needs --topic"
    local args=(--bootstrap-server "127.0.0.1:$PORT" --topic "$TOPIC" --from-beginning
        --isolation-level read_committed --timeout-ms 10000)
    [[ -n "$MAX" ]] && args+=(--max-messages "$MAX")
    "$(java_cmd)" -cp "$(resolve_classpath)" -Dlog4j2.configurationFile="$(tools_log_config)" \
        org.apache.kafka.tools.consumer.ConsoleConsumer "${args[@]}" 2>/dev/null || true
}

main() {
    [[ $# -gt 0 ]] || { usage >&2; exit 2; }
    local command="$1"
    shift
    case "$command" in
        -h|--help|help) usage; exit 0 ;;
    esac
    parse_args "$@"
    case "$command" in
        start) cmd_start ;;
        stop) cmd_stop ;;
        status) cmd_status ;;
        logs) cmd_logs ;;
        produce) cmd_produce ;;
        consume) cmd_consume ;;
        classpath) resolve_classpath ;;
        *) die "unknown command '$command' (see --help)" ;;
    esac
}

main "$@"
