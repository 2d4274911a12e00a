"""Two real Syncthing instances on loopback only, sharing one folder (for `sync_real` tests).

Discovery (local and global), relays, NAT traversal, usage reporting, crash reporting and
auto-upgrade are all off: the two instances find each other only at 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
import urllib.request
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

FOLDER_ID = "lovebridge-shared"
API_KEY = "lovebridge-test-key-not-secret"
SYNC_PORTS = (22101, 22102)
GUI_PORTS = (28384, 28385)


@dataclass
class Instance:
    home: Path
    folder: Path
    device_id: str
    sync_port: int
    gui_port: int
    process: subprocess.Popen | None = None

    def api(self, path: str, method: str = "GET", body: object = None) -> object:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(f"http://127.0.0.1:{self.gui_port}{path}", data=data,
                                         method=method, headers={"X-API-Key": API_KEY})
        with urllib.request.urlopen(request, timeout=5) as response:
            text = response.read()
        return json.loads(text) if text else None


def available() -> bool:
    return shutil.which("syncthing") is not None


def generate(home: Path) -> str:
    out = subprocess.run(["syncthing", "generate", f"--home={home}", "--no-default-folder"],
                         capture_output=True, text=True, check=True, timeout=60)
    match = re.search(r"Device ID:\s*([A-Z0-9-]{63})", out.stdout + out.stderr)
    assert match, out.stdout + out.stderr
    return match.group(1)


def _set(parent: ET.Element, tag: str, value: str) -> None:
    node = parent.find(tag)
    if node is None:
        node = ET.SubElement(parent, tag)
    node.text = value


def configure(me: Instance, other: Instance) -> None:
    path = me.home / "config.xml"
    tree = ET.parse(path)
    root = tree.getroot()
    gui = root.find("gui")
    _set(gui, "address", f"127.0.0.1:{me.gui_port}")
    _set(gui, "apikey", API_KEY)
    options = root.find("options")
    for tag, value in {
        "listenAddress": f"tcp://127.0.0.1:{me.sync_port}",
        "globalAnnounceEnabled": "false", "localAnnounceEnabled": "false",
        "relaysEnabled": "false", "natEnabled": "false", "urAccepted": "-1",
        "autoUpgradeIntervalH": "0", "startBrowser": "false", "crashReportingEnabled": "false",
        "reconnectionIntervalS": "1",
    }.items():
        _set(options, tag, value)
    for device_id, port in ((other.device_id, other.sync_port),):
        device = ET.SubElement(root, "device", id=device_id, name="partner",
                               compression="metadata", introducer="false")
        ET.SubElement(device, "address").text = f"tcp://127.0.0.1:{port}"
    folder = ET.Element("folder", id=FOLDER_ID, label="LoveBridge", path=str(me.folder),
                        type="sendreceive", rescanIntervalS="2", fsWatcherEnabled="true",
                        fsWatcherDelayS="1", ignorePerms="false", autoNormalize="true")
    for device_id in (me.device_id, other.device_id):
        ET.SubElement(folder, "device", id=device_id)
    ET.SubElement(folder, "minDiskFree", unit="%").text = "0"
    root.insert(0, folder)
    tree.write(path)


def start(instance: Instance) -> None:
    env = {**os.environ, "STNOUPGRADE": "1", "STNODEFAULTFOLDER": "1"}
    log = (instance.home / "syncthing.log").open("wb")
    instance.process = subprocess.Popen(
        ["syncthing", "serve", f"--home={instance.home}", "--no-browser", "--no-restart",
         "--no-upgrade"], stdout=log, stderr=subprocess.STDOUT, env=env)


def wait_until(predicate, timeout: float, what: str) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise TimeoutError(f"timed out waiting for {what}")


def pair_instances(root: Path) -> tuple[Instance, Instance]:
    """Two configured, started and connected instances sharing FOLDER_ID."""
    instances = []
    for i in range(2):
        home, folder = root / f"syncthing{i}", root / f"shared{i}"
        folder.mkdir(parents=True)
        instances.append(Instance(home, folder, generate(home), SYNC_PORTS[i], GUI_PORTS[i]))
    configure(instances[0], instances[1])
    configure(instances[1], instances[0])
    for instance in instances:
        start(instance)
    for instance in instances:
        wait_until(lambda i=instance: i.api("/rest/system/ping"), 60, "Syncthing to start")

    def connected() -> bool:
        return all(
            inst.api("/rest/system/connections")["connections"][other.device_id]["connected"]
            for inst, other in ((instances[0], instances[1]), (instances[1], instances[0])))

    wait_until(connected, 90, "the two Syncthing instances to connect")
    return instances[0], instances[1]


def stop(instance: Instance) -> None:
    if instance.process is not None and instance.process.poll() is None:
        try:
            instance.api("/rest/system/shutdown", method="POST")
            instance.process.wait(timeout=20)
        except (OSError, subprocess.TimeoutExpired):
            instance.process.terminate()
            instance.process.wait(timeout=10)
