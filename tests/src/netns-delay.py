"""Delay relay for tests/src/netns.ts, on kernels without tc netem.

Frames toward a member are redirected (tc mirred) from its bridge port to a
veth pair; this reads them at the pair's far end and, after the delay, sends
them out of the bridge port with a socket mark the port's filter lets pass.
Usage: netns-delay.py <read-device> <send-device> <delay-ms> <mark>.
It prints "ready" once both sockets are bound, and ends when stdin closes
(its parent, the test, went away).
"""
import collections
import os
import select
import socket
import sys
import time

ETH_P_ALL = 0x0003
SO_MARK = 36
PACKET_OUTGOING = 4
SOL_PACKET = 263
# Frames carry a virtio-net header (offloads): a frame still to be checksummed or
# segmented (veth offloads both) is sent on with the same header, and the kernel
# finishes it.
PACKET_VNET_HDR = 15

read_device, send_device, delay_ms, mark = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
delay = delay_ms / 1000.0
rx = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
rx.setsockopt(SOL_PACKET, PACKET_VNET_HDR, 1)
rx.bind((read_device, 0))
rx.setblocking(False)
tx = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, 0)
tx.setsockopt(socket.SOL_SOCKET, SO_MARK, mark)
tx.setsockopt(SOL_PACKET, PACKET_VNET_HDR, 1)
tx.bind((send_device, 0))
queue = collections.deque()
print("ready", flush=True)
stdin = sys.stdin.fileno()
while True:
    now = time.monotonic()
    timeout = max(0.0, queue[0][0] - now) if queue else None
    readable, _, _ = select.select([rx, stdin], [], [], timeout)
    if stdin in readable and not os.read(stdin, 4096):
        break
    if rx in readable:
        while True:
            try:
                frame, address = rx.recvfrom(262144)
            except BlockingIOError:
                break
            if address[2] != PACKET_OUTGOING:
                queue.append((time.monotonic() + delay, frame))
    now = time.monotonic()
    while queue and queue[0][0] <= now:
        try:
            tx.send(queue.popleft()[1])
        except OSError as error:
            print(f"dropped a frame: {error}", file=sys.stderr, flush=True)
