#!/usr/bin/python3
"""Runs Debian's Apertium APy HTTP server bound to 127.0.0.1 only.

APy has no bind-address option and listens on every interface; this launcher replaces tornado's
TCPServer.bind so that every socket it opens is on the loopback address. It must run under Debian's
/usr/bin/python3, which has Debian's tornado (python3-tornado, a dependency of apertium-apy).

Usage: deploy/local/apertium-apy.py PORT [PAIRS_DIR]
  PORT       TCP port on 127.0.0.1
  PAIRS_DIR  folder of installed pairs, searched for modes (default /usr/share/apertium)
"""
import sys

import tornado.tcpserver

LOOPBACK = "127.0.0.1"
_original_bind = tornado.tcpserver.TCPServer.bind


def _loopback_bind(self, port, address=None, *args, **kwargs):
    return _original_bind(self, port, LOOPBACK, *args, **kwargs)


def main():
    if len(sys.argv) not in (2, 3):
        sys.stderr.write(__doc__)
        return 2
    port = sys.argv[1]
    pairs = sys.argv[2] if len(sys.argv) == 3 else "/usr/share/apertium"
    tornado.tcpserver.TCPServer.bind = _loopback_bind
    # APy reads sys.argv as a default argument value when its module is imported.
    sys.argv = ["apertium-apy", "--port", port, pairs]
    from apertium_apy import apy

    return apy.main()


if __name__ == "__main__":
    sys.exit(main())
