#!/bin/sh
# Stand-in for the Flink image's /docker-entrypoint.sh, in the offline test base that JobImageIT checks the job
# image against. Never run: the real image (profile `images`) inherits the real Flink entrypoint.
echo "offline test base: not a Flink image" >&2
exit 1
