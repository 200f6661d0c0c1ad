# Port helpers shared by the deploy/local scripts (sourced, not run). Loopback only.

# port_in_use PORT: true if something accepts connections on 127.0.0.1:PORT.
port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# free_port: prints a port nothing listens on. It is picked below Linux's ephemeral range
# (32768-60999), so no outgoing connection takes it between this check and the bind.
free_port() {
    local port _
    for _ in $(seq 1 100); do
        port=$((15000 + RANDOM % 17000))
        port_in_use "$port" || { echo "$port"; return 0; }
    done
    echo "found no free port" >&2
    return 1
}
