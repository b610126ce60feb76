#!/usr/bin/python3
# cli_common.py
#
# Copyright 2026 The Crosscheck authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What the tests that run crosscheck-cli as a user would (import-cli.py,
# brat-roundtrip.py) share: running the CLI, TAP output, temporary folders.
# The tests import it from their own directory.

import json
import os
import shutil
import subprocess
import sys
import tempfile

CLI = os.environ["CROSSCHECK_CLI"]

results = []
made = []


def test(name):
    def wrap(func):
        results.append((name, func))
        return func
    return wrap


def run(*args):
    proc = subprocess.run([CLI, *args], capture_output=True, text=True,
                          env=dict(os.environ, LC_ALL="C.UTF-8"))
    if proc.returncode < 0:
        raise AssertionError(f"{args} was killed by signal {-proc.returncode}")
    return proc.returncode, proc.stdout, proc.stderr


def expect(condition, what):
    if not condition:
        raise AssertionError(what)


def write(folder, name, data):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def tmpdir(prefix="crosscheck-cli-"):
    made.append(tempfile.mkdtemp(prefix=prefix))
    return made[-1]


def main():
    """Runs every @test, prints TAP, removes the temporary folders."""
    print(f"1..{len(results)}")
    failed = 0
    for number, (name, func) in enumerate(results, 1):
        try:
            func()
            print(f"ok {number} {name}")
        except Exception as error:  # noqa: BLE001 - report every failure as TAP
            failed += 1
            print(f"not ok {number} {name}")
            for line in str(error).splitlines() or [repr(error)]:
                print(f"# {line}")
    sys.stdout.flush()
    for folder in made:
        shutil.rmtree(folder, ignore_errors=True)
    return 1 if failed else 0
