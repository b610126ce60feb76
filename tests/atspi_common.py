#!/usr/bin/python3
# atspi_common.py
#
# Copyright 2026 The Crosscheck authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Reading the running application's accessibility tree (AT-SPI, through
# pyatspi), for tests/a11y.py and tests/translated-ui.py. The tests run inside
# build-aux/headless.sh, whose private D-Bus session starts the AT-SPI bus;
# the app must run without GTK_A11Y=none and NO_AT_BRIDGE=1.

import re
import time

import pyatspi

from e2e_common import StepFailed

# What GTK 4.8 reports as the name of a widget that has none: its type name.
TYPE_NAME = re.compile(r"^(Gtk|Adw|Crosscheck)[A-Z][A-Za-z]*$")

# Roles of the widgets a person operates; each needs a name a screen reader can say.
CONTROL_ROLES = {
    "push button", "toggle button", "check box", "radio button", "combo box", "entry",
    "text", "password text", "spin button", "slider", "list", "list box", "page tab",
    "menu item", "switch", "tree", "table",
}


def accessible_env(env):
    """env, with the accessibility bridge on for the app."""
    env = dict(env)
    env.pop("GTK_A11Y", None)
    env.pop("NO_AT_BRIDGE", None)
    return env


def application(pid, timeout=60):
    """The AT-SPI application of process pid, once it shows a window."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            try:
                if app is not None and app.get_process_id() == pid and app.childCount > 0:
                    return app
            except Exception:  # noqa: BLE001 - an app going away mid-walk
                continue
        time.sleep(0.3)
    raise StepFailed("the app did not appear on the accessibility bus within %d s" % timeout)


def walk(node):
    """node and everything below it, depth first."""
    stack = [node]
    while stack:
        n = stack.pop()
        if n is None:
            continue
        yield n
        try:
            children = [n.getChildAtIndex(i) for i in range(n.childCount)]
        except Exception:  # noqa: BLE001 - a widget destroyed while walking
            continue
        stack.extend(reversed(children))


def role(node):
    try:
        return node.getRoleName()
    except Exception:  # noqa: BLE001
        return ""


def find_all(root, test):
    return [n for n in walk(root) if test(n)]


def find(root, test, what, timeout=10):
    """The first node under root that passes test, waiting up to timeout s."""
    deadline = time.monotonic() + timeout
    while True:
        hits = find_all(root, test)
        if hits:
            return hits[0]
        if time.monotonic() > deadline:
            raise StepFailed("not in the accessibility tree: " + what)
        time.sleep(0.3)


def named(root, role_name, name):
    """Nodes of role role_name whose name is name (or, for buttons with a mnemonic, ends in it)."""
    def test(n):
        return role(n) == role_name and (n.name == name or n.name.endswith(" " + name))
    return find_all(root, test)


def focused(root):
    """The node that has the keyboard focus, or None."""
    for n in walk(root):
        try:
            if n.getState().contains(pyatspi.STATE_FOCUSED):
                return n
        except Exception:  # noqa: BLE001
            continue
    return None


def describe(node):
    return "%s %r" % (role(node), node.name) if node is not None else "nothing"


def ancestors(node):
    n = node.parent
    while n is not None:
        yield n
        n = n.parent


def text_of(node):
    text = node.queryText()
    return text.getText(0, text.characterCount)
