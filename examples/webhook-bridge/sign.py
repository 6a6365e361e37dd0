#!/usr/bin/env python3
"""Print the two signature headers the bridge wants for a request body.

    python3 sign.py '{"event_id":"e1","platform_user":"zhangwei","chat":"dm","text":"帮助"}'
    python3 sign.py @body.json          # the body is the file's exact bytes

The output is one header per line, ready for `curl -H @file` (curl 7.55 or newer).
The secret comes from --secret or KAIQU_BRIDGE_SECRET, as for the bridge. Sign the
exact bytes you send: post with `curl --data-binary`, not `-d`, which strips newlines.
"""

import argparse
import os
import sys
import time

sys.dont_write_bytecode = True  # importing bridge must not leave __pycache__ in the example
from bridge import SIGNATURE_HEADER, TIMESTAMP_HEADER, sign


def main():
    parser = argparse.ArgumentParser(description="Print signature headers for a bridge request body.")
    parser.add_argument("body", help="the body, or @FILE to sign a file's bytes")
    parser.add_argument("--secret", default=os.environ.get("KAIQU_BRIDGE_SECRET"),
                        help="shared secret (default $KAIQU_BRIDGE_SECRET)")
    parser.add_argument("--timestamp", help="unix seconds to sign with (default now)")
    args = parser.parse_args()
    if not args.secret:
        parser.error("a secret is required: --secret or KAIQU_BRIDGE_SECRET")
    if args.body.startswith("@"):
        with open(args.body[1:], "rb") as f:
            body = f.read()
    else:
        # The bytes the shell handed us, which are also the bytes curl will send.
        body = os.fsencode(args.body)
    timestamp = args.timestamp or str(int(time.time()))
    print("%s: %s" % (TIMESTAMP_HEADER, timestamp))
    print("%s: %s" % (SIGNATURE_HEADER, sign(args.secret.encode("utf-8"), timestamp, body)))


if __name__ == "__main__":
    sys.exit(main())
